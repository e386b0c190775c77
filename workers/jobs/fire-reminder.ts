import type { Job } from 'bullmq';
import { visitForMessaging } from '../../booking/repositories/notices';
import { render } from '../../dialogs/replies/render';
import { routeToCustomer } from '../compose/recipients';
import { enqueueMessage } from '../compose/outbound';
import { visitVars } from '../compose/visit';
import type { WorkerContext } from '../context';
import type { ReminderJob } from '../queues';
import { reminderVerdict } from './reminder-verdict';

/**
 * Runs a little before the reminder is due (the lead): re-reads the appointment, stays silent if
 * it is cancelled, moved or past, else composes the text and hands it to the sender to go out at
 * the due instant. Preparing ahead is what lets thousands of reminders due in one second leave on
 * time; the sender re-checks the appointment when it sends.
 */
export async function fireReminder(ctx: WorkerContext, job: Job<ReminderJob>): Promise<string> {
  const { businessId, appointmentId, offsetMinutes, startsAt, dueAt } = job.data;
  const visit = await visitForMessaging(ctx.sql, businessId, appointmentId);
  const now = ctx.clock.now();
  const verdict = reminderVerdict(visit, job.data, now);
  if (verdict !== 'due' || !visit) return `silent: ${verdict}`;
  const catalog = await ctx.catalogs.byId(businessId);
  const locale = visit.locale ?? catalog.business.defaultLocale;
  const vars = visitVars({ catalog, visit }, locale);
  const route = routeToCustomer(catalog, visit, { id: 'reminder', locale, vars }, new Date(Date.parse(dueAt)));
  if (!route) return 'silent: no way to reach the customer';
  await enqueueMessage(ctx, {
    key: `reminder/${appointmentId}/${offsetMinutes}/${startsAt}`,
    businessId,
    customerId: visit.customerId,
    appointmentId,
    purpose: 'reminder',
    body: render('reminder', locale, vars, route.channel),
    notBefore: new Date(Date.parse(dueAt)),
    startsAt,
    ...route,
  });
  return route.skipCode ? `skipped (${route.skipCode})` : 'queued';
}
