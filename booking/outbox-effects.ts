import type { Actor } from './actor';
import type { AppointmentRow } from './db/entities/appointment';
import type { OutboxEntry } from './repositories/outbox';
import { type AppointmentEvent, type AppointmentEventPayload, TOPICS } from './outbox-topics';
import { isActive } from './statuses';

const TELL_OWNER: readonly AppointmentEvent[] = ['booked', 'requested', 'cancelled', 'rescheduled'];
const TELL_CUSTOMER: readonly AppointmentEvent[] = ['booked', 'approved', 'declined', 'cancelled', 'rescheduled'];

/**
 * The one policy of who hears about a change. Whoever made the change is not told about it;
 * reminders follow the appointment's version so a stale one can tell it is stale.
 */
export function outboxFor(
  event: AppointmentEvent,
  appointment: Pick<AppointmentRow, 'id' | 'businessId' | 'kind' | 'status' | 'version'>,
  actor: Actor,
): OutboxEntry[] {
  const base: AppointmentEventPayload = { appointmentId: appointment.id, version: appointment.version, event };
  const entries: OutboxEntry[] = [];
  const add = (topic: string) => entries.push({ businessId: appointment.businessId, topic, payload: base });
  if (appointment.kind !== 'visit') return entries;
  if (actor.kind !== 'owner' && TELL_OWNER.includes(event)) add(TOPICS.ownerNotice);
  if (actor.kind !== 'customer' && TELL_CUSTOMER.includes(event)) add(TOPICS.customerNotice);
  const remindable =
    isActive(appointment.status) && appointment.status !== 'pending_approval' && appointment.status !== 'in_progress';
  if (remindable && (event === 'booked' || event === 'approved' || event === 'rescheduled'))
    add(TOPICS.scheduleReminders);
  if (!isActive(appointment.status)) add(TOPICS.cancelReminders);
  return entries;
}
