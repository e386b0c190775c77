import { DateTime } from 'luxon';
import type { AgendaRow } from '../../booking/repositories/agenda';
import { timeZone } from '../../core/time-zone';
import { InvalidTransition, NotFound, StaleVersion } from '../../booking/errors';
import type { AppointmentStatus } from '../../booking/statuses';
import type { MessageId } from '../../dialogs/replies/render';
import { ownerActor, type OwnerTurn } from './owner-turn';
import type { StatusVerb } from './parse-command';
import { findVisit } from './references';
import { visitVars, whenItHappened } from './wording';

type Change = StatusVerb | 'cancel';

const TARGET: Record<Change, AppointmentStatus> = {
  approve: 'booked',
  decline: 'cancelled',
  done: 'completed',
  noshow: 'no_show',
  start: 'in_progress',
  cancel: 'cancelled',
};

const DONE: Record<Change, MessageId> = {
  approve: 'ownerApproved',
  decline: 'ownerDeclined',
  done: 'ownerCompleted',
  noshow: 'ownerNoShow',
  start: 'ownerStarted',
  cancel: 'ownerCancelledVisit',
};

/**
 * ok/no, done, noshow, start and cancel: the visit found by its code, then the status change
 * through the booking service at the version just read, so a change made meanwhile by anyone
 * else (the customer, an admin, another owner phone) wins and the owner is told what it is now.
 * The service writes the audit log and the outbox (the customer hears of an approval, a decline
 * or a cancel through the outbound queue; a cancel's reminders are superseded).
 */
export async function changeVisit(
  t: OwnerTurn,
  change: Change,
  ref: string,
  reason: string | null = null,
): Promise<string> {
  const found = await findVisit(t, ref);
  if (!found.ok) return found.reply;
  const visit = found.visit;
  if (visit.kind === 'block') return t.speech.say('ownerIsBlock', { ref: visit.reference });
  // ok/no answer a request; "no" to a booked visit is not a cancel (that takes "cancel REF").
  if ((change === 'approve' || change === 'decline') && visit.status !== 'pending_approval')
    return whyNot(t, visit, change);
  // A visit on a later day cannot have started, been finished or been missed yet: most likely the
  // wrong code, so nothing changes and the owner hears which visit that code is.
  if ((change === 'done' || change === 'noshow' || change === 'start') && onLaterDay(t, visit.startsAt))
    return t.speech.say('ownerNotYet', visitVars(t, visit));
  try {
    const updated = await t.booking.appointments.changeStatus({
      businessId: t.catalog.business.id,
      appointmentId: visit.id,
      to: TARGET[change],
      expectedVersion: visit.version,
      reason: reason ?? undefined,
      actor: ownerActor(t),
    });
    const said = reason ? t.speech.say('ownerReason', { reason }) : '';
    return t.speech.say(DONE[change], { ...visitVars(t, { ...visit, status: updated.status }), reason: said });
  } catch (error) {
    return explainRefusal(t, visit, change, error);
  }
}

/** A change the booking service refused, said as the visit now stands. */
export async function explainRefusal(
  t: OwnerTurn,
  seen: AgendaRow,
  change: Change | 'move',
  error: unknown,
): Promise<string> {
  if (!(error instanceof InvalidTransition || error instanceof StaleVersion || error instanceof NotFound)) throw error;
  const now = await t.booking.agenda.byReference(t.catalog.business.id, seen.reference);
  if (!now || now.id !== seen.id) return t.speech.say('ownerNotFound', { ref: seen.reference });
  if (error instanceof StaleVersion) return t.speech.say('ownerStale', visitVars(t, now));
  return whyNot(t, now, change);
}

/** Why this change cannot be made to the visit as it is: "K7WM was cancelled yesterday". */
function whyNot(t: OwnerTurn, visit: AgendaRow, change: Change | 'move'): string {
  const vars = { ...visitVars(t, visit), when: whenItHappened(t, visit.updatedAt) };
  switch (visit.status) {
    case 'cancelled':
      return t.speech.say('ownerWasCancelled', vars);
    case 'completed':
      return t.speech.say('ownerWasCompleted', vars);
    case 'no_show':
      return t.speech.say('ownerWasNoShow', vars);
    case 'pending_approval':
      return t.speech.say('ownerStillPending', vars);
    case 'in_progress':
      return t.speech.say('ownerUnderWay', vars);
    default:
      return change === 'approve' || change === 'decline'
        ? t.speech.say('ownerNotPending', vars)
        : t.speech.say('ownerStale', visitVars(t, visit));
  }
}

function onLaterDay(t: OwnerTurn, at: Date): boolean {
  const zone = timeZone(t.catalog.business.timezone);
  return DateTime.fromJSDate(at, { zone }).startOf('day') > DateTime.fromJSDate(t.now, { zone }).startOf('day');
}
