import type { VisitForMessaging } from '../../booking/repositories/notices';
import type { AppointmentStatus } from '../../booking/statuses';
import type { ReminderJob } from '../queues';

/** Pending requests get no reminder (the owner has not said yes); visits under way need none. */
const REMINDABLE: readonly AppointmentStatus[] = ['booked', 'confirmed'];

export function isRemindable(status: AppointmentStatus): boolean {
  return REMINDABLE.includes(status);
}

export type ReminderVerdict = 'due' | 'gone' | 'cancelled' | 'moved' | 'past';

/**
 * Whether a reminder that fires may speak: the visit must still be on, at the start the reminder
 * was planned for, and ahead. The outbound sender checks the same again at the moment of sending.
 */
export function reminderVerdict(
  visit: VisitForMessaging | undefined,
  job: Pick<ReminderJob, 'startsAt'>,
  now: Date,
): ReminderVerdict {
  if (!visit) return 'gone';
  if (!isRemindable(visit.status)) return 'cancelled';
  if (visit.startsAt.getTime() !== Date.parse(job.startsAt)) return 'moved';
  if (visit.startsAt.getTime() <= now.getTime()) return 'past';
  return 'due';
}
