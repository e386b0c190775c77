import type { Job, Queue } from 'bullmq';
import { findAppointment } from '../../booking/repositories/appointments';
import { TOPICS } from '../../booking/outbox-topics';
import type { VisitToRemind } from '../../booking/repositories/reconcile';
import type { WorkerContext } from '../context';
import { JOBS, jobIds, type OutboxJob, type ReminderJob } from '../queues';
import { isRemindable } from './reminder-verdict';

const MINUTE = 60_000;

/**
 * Schedules one delayed job per reminder offset for this version of the appointment, after
 * removing those of earlier versions (a reschedule or cancel supersedes them). A reminder whose
 * moment had already passed when it was planned is not sent late: it would only repeat the
 * confirmation the customer just got.
 */
export async function planReminders(ctx: WorkerContext, job: Job<OutboxJob>): Promise<string> {
  const { businessId, appointmentId, topic } = job.data;
  const { settings } = (await ctx.catalogs.byId(businessId)).business;
  const offsets = settings.reminderOffsetsMinutes;
  // Planned from the appointment as it is now, under its current version: two plans racing (a
  // booking and its quick reschedule) then agree on the same job ids, and the older is a no-op.
  const appointment = await findAppointment(ctx.sql, businessId, appointmentId);
  const version = Math.max(job.data.version, appointment?.version ?? 0);
  if (topic !== TOPICS.scheduleReminders || !appointment || !isRemindable(appointment.status)) {
    await removeReminders(ctx.queues.reminders, appointmentId, offsets, version);
    return 'none to send';
  }
  await removeReminders(ctx.queues.reminders, appointmentId, offsets, version - 1);
  const planned = await addReminderJobs(
    ctx,
    { businessId, id: appointmentId, version, startsAt: appointment.startsAt },
    offsets,
  );
  return `planned ${planned}`;
}

/**
 * One delayed job per offset still ahead, under the job id of this version of the visit: adding
 * them again (the reconciler after Redis lost its data, a plan run twice) adds nothing twice.
 * `lostSince`: the reconciler's last sight of a healthy Redis; a reminder whose job was to fire
 * after it may have been lost unsent, so it is added to run at once (its message row's id is
 * derived from the reminder, so one that did go out is not composed twice). Returns how many
 * reminders were added.
 */
export async function addReminderJobs(
  ctx: Pick<WorkerContext, 'queues' | 'clock' | 'reminderLeadMs'>,
  visit: VisitToRemind,
  offsets: readonly number[],
  lostSince?: Date,
): Promise<number> {
  const now = ctx.clock.now().getTime();
  const firstAhead = lostSince ? lostSince.getTime() + ctx.reminderLeadMs : now;
  let planned = 0;
  for (const offsetMinutes of offsets) {
    const dueAt = visit.startsAt.getTime() - offsetMinutes * MINUTE;
    if (dueAt <= Math.min(now, firstAhead)) continue;
    const data: ReminderJob = {
      businessId: visit.businessId,
      appointmentId: visit.id,
      version: visit.version,
      offsetMinutes,
      startsAt: visit.startsAt.toISOString(),
      dueAt: new Date(dueAt).toISOString(),
    };
    await ctx.queues.reminders.add(JOBS.fireReminder, data, {
      jobId: jobIds.reminder(visit.id, offsetMinutes, visit.version),
      delay: Math.max(0, dueAt - ctx.reminderLeadMs - now),
    });
    planned += 1;
  }
  return planned;
}

/** Removes the reminder jobs of versions 1..upTo; ones already run or never made are no-ops. */
async function removeReminders(queue: Queue, appointmentId: string, offsets: number[], upTo: number): Promise<void> {
  const ids: string[] = [];
  for (let v = 1; v <= upTo; v++) for (const offset of offsets) ids.push(jobIds.reminder(appointmentId, offset, v));
  await Promise.all(ids.map((id) => queue.remove(id)));
}
