import { DateTime } from 'luxon';
import type { AppointmentRow } from '../../booking/db/entities/appointment';
import { BookingError } from '../../booking/errors';
import { numbered } from '../../dialogs/replies/format';
import { advanceBooking, ask, offer, startBooking } from './booking-flow';
import { freshState, localDay, targetOf } from './state';
import type { TurnContext } from './turn-context';

/** Looking at, cancelling, moving and confirming visits the customer already has. */

async function upcoming(t: TurnContext): Promise<AppointmentRow[]> {
  return (await t.booking.appointments.upcomingFor(t.catalog.business.id, t.customer.id)).filter(
    (a) => a.kind === 'visit',
  );
}

export async function listAppointments(t: TurnContext): Promise<string> {
  const visits = await upcoming(t);
  t.state = freshState();
  if (visits.length === 0) return offerToBook(t, 'myAppointmentsNone');
  return t.speech.say('myAppointments', { list: visits.map((a) => t.speech.appointmentLine(a)).join('; ') });
}

/**
 * A time and no service from a customer with one visit ("can you do 2pm instead?", the
 * reminder's "tell us a new time"): moving that visit is offered, with booking something else
 * as the other answer; never done unasked. Null when there is not exactly one visit.
 */
export async function offerMove(t: TurnContext): Promise<string | null> {
  const visits = await upcoming(t);
  if (visits.length !== 1) return null;
  t.state = { ...freshState(), intent: 'Reschedule', when: t.understanding.when, inferredMove: true };
  return targetChosen(t, visits[0]);
}

/** "…Want to book one?": a yes then leads into booking. */
function offerToBook(t: TurnContext, id: 'myAppointmentsNone' | 'nothingToChange'): string {
  t.state = { ...freshState(), intent: 'Book' };
  return ask(t, 'service', t.speech.say(id));
}

/** Cancel or Reschedule: find which visit (by code, by the only one, or by asking). */
export async function startChange(t: TurnContext, intent: 'Cancel' | 'Reschedule'): Promise<string> {
  const visits = await upcoming(t);
  const when = t.understanding.when;
  if (visits.length === 0) {
    // "can you do friday instead?" with nothing booked: book it.
    if (intent === 'Reschedule' && (t.understanding.serviceKey || when))
      return `${t.speech.say('nothingToMoveSoBook')} ${await startBooking(t)}`;
    return offerToBook(t, 'nothingToChange');
  }
  t.state = { ...freshState(), intent, when: intent === 'Reschedule' ? when : null };
  const byReference = visits.find((a) => a.reference === t.understanding.reference);
  // "cancel my brake appointment", "cancel tuesday's": the visits it can mean. A move's time is
  // where the visit goes, not which one it is.
  const described = describedVisits(t, visits, intent === 'Cancel');
  const candidates = described.length > 0 ? described : visits;
  const chosen = byReference ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (chosen) return targetChosen(t, chosen);
  t.state.picks = candidates.map((a) => a.id);
  return ask(
    t,
    'choice',
    t.speech.say('pickAppointment', { list: numbered(candidates.map((a) => t.speech.appointmentLine(a))) }),
  );
}

/**
 * The visits matching the service, and the day when it describes the visit, the message names.
 * "the one on tuesday" is whichever Tuesday the visit is on, not only the coming one.
 */
function describedVisits(t: TurnContext, visits: AppointmentRow[], byDay: boolean): AppointmentRow[] {
  const { serviceKey, when } = t.understanding;
  if (!serviceKey && !(byDay && when)) return [];
  const ofService = visits.filter((a) => !serviceKey || t.speech.serviceById(a.serviceId)?.key === serviceKey);
  if (!byDay || !when) return ofService;
  const zone = t.catalog.business.timezone;
  const sameDay = ofService.filter((a) => localDay(a.startsAt, zone) === localDay(when.start, zone));
  if (sameDay.length > 0 || when.grain !== 'day') return sameDay;
  const weekday = DateTime.fromISO(when.start, { zone }).weekday;
  return ofService.filter((a) => DateTime.fromJSDate(a.startsAt, { zone }).weekday === weekday);
}

/** The customer's visit with this id, as it is now, if it is still upcoming. */
export async function upcomingVisit(t: TurnContext, appointmentId: string): Promise<AppointmentRow | undefined> {
  return (await upcoming(t)).find((a) => a.id === appointmentId);
}

/** "Cancel your oil change…?" asked again, of the visit as it is now. */
export function askCancelAgain(t: TurnContext, visit: AppointmentRow): Promise<string> {
  t.state = { ...freshState(), intent: 'Cancel' };
  return targetChosen(t, visit);
}

/**
 * "2", or "the battery one", to "which one?"; null when the service names none of the visits
 * listed, or several.
 */
export async function pickAppointment(t: TurnContext): Promise<string | null> {
  const { choice } = t.understanding;
  const listed = (await upcoming(t)).filter((a) => t.state.picks.includes(a.id));
  let chosen: AppointmentRow | undefined;
  if (choice !== null) {
    chosen = listed.find((a) => a.id === t.state.picks[choice - 1]);
    if (!chosen) return startChange(t, t.state.intent === 'Cancel' ? 'Cancel' : 'Reschedule');
  } else {
    const described = describedVisits(t, listed, true);
    if (described.length !== 1) return null;
    chosen = described[0];
  }
  t.state.picks = [];
  return targetChosen(t, chosen);
}

async function targetChosen(t: TurnContext, a: AppointmentRow): Promise<string> {
  const s = t.state;
  s.target = targetOf(a);
  const service = t.speech.serviceById(a.serviceId)!;
  const vars = { service: t.speech.serviceInSentence(service), when: t.speech.when(a.startsAt), ref: a.reference };
  s.serviceKey = service.key;
  if (s.intent === 'Cancel') return ask(t, 'confirmation', t.speech.say('confirmCancel', vars));
  s.staffKey = t.understanding.staffKey ?? t.catalog.staff.find((m) => m.id === a.staffId)?.key ?? null;
  // "move it to 2pm": 2pm on the visit's day, unless the message names another day; "an hour
  // later": from the visit's time. (A time kept from an earlier message, before "which one?",
  // was read without the visit.)
  const focus = { focusDay: localDay(a.startsAt, t.catalog.business.timezone), focusTime: a.startsAt.toISOString() };
  if (s.when && s.when === t.understanding.when) s.when = (await t.reread(focus)).when;
  else if (!s.when && s.intent === 'Reschedule' && t.understanding.intent === 'Reschedule')
    s.when = (await t.reread(focus)).when;
  if (!s.when) return ask(t, 'when', t.speech.say('askNewTime', vars));
  return advanceBooking(t);
}

export async function executeCancel(t: TurnContext): Promise<string> {
  const target = t.state.target!;
  try {
    const a = await t.booking.appointments.cancel({
      businessId: t.catalog.business.id,
      appointmentId: target.id,
      expectedVersion: target.version,
      actor: { kind: 'customer', customerId: t.customer.id },
    });
    t.state = freshState();
    return t.speech.say('cancelled', {
      service: t.speech.serviceInSentence(t.speech.serviceById(a.serviceId)),
      when: t.speech.when(a.startsAt),
    });
  } catch (error) {
    // Changed meanwhile (the owner moved it, a reminder confirmed it): show the visits as they are now.
    if (error instanceof BookingError) return startChange(t, 'Cancel');
    throw error;
  }
}

export async function executeReschedule(t: TurnContext): Promise<string> {
  const { target, proposal } = t.state;
  try {
    const outcome = await t.booking.appointments.reschedule({
      businessId: t.catalog.business.id,
      appointmentId: target!.id,
      start: new Date(proposal!.start),
      staffId: proposal!.staffId,
      expectedVersion: target!.version,
      actor: { kind: 'customer', customerId: t.customer.id },
    });
    if (!outcome.ok) return offer(t, outcome.alternatives, outcome.reason, outcome.reason === 'taken');
    const a = outcome.appointment;
    t.state = { ...freshState(), recentVisit: a.startsAt.toISOString() };
    return t.speech.say('rescheduled', {
      service: t.speech.serviceInSentence(t.speech.serviceById(a.serviceId)),
      when: t.speech.when(a.startsAt),
      ref: a.reference,
    });
  } catch (error) {
    if (error instanceof BookingError) return startChange(t, 'Reschedule');
    throw error;
  }
}

/**
 * "C" / "yes" / "sí" after a reminder confirms the next visit that is still only booked; "no"
 * leaves it as it is and says how to move or cancel it. Null when there is no such visit.
 */
export async function answerVisit(t: TurnContext): Promise<string | null> {
  const next = (await upcoming(t)).find((a) => a.status === 'booked');
  if (!next) return null;
  if (t.understanding.answer === 'no') {
    t.state = freshState();
    return t.speech.say('visitNotConfirmed', {
      service: t.speech.serviceInSentence(t.speech.serviceById(next.serviceId)),
      when: t.speech.when(next.startsAt),
    });
  }
  const a = await t.booking.appointments.changeStatus({
    businessId: t.catalog.business.id,
    appointmentId: next.id,
    to: 'confirmed',
    expectedVersion: next.version,
    actor: { kind: 'customer', customerId: t.customer.id },
  });
  t.state = freshState();
  return t.speech.say('confirmedVisit', { when: t.speech.when(a.startsAt), ref: a.reference });
}

/** No to "Reply YES": a cancel keeps the visit; a booking or move asks for another time. */
export function decline(t: TurnContext): string {
  const s = t.state;
  if (s.inferredMove) {
    t.state = { ...freshState(), intent: 'Book' };
    return ask(t, 'service', t.speech.say('askService', { services: t.speech.serviceNames() }));
  }
  if (s.intent !== 'Book' && !s.target) {
    // "no" to "which visit?": nothing to change after all.
    t.state = freshState();
    return t.speech.say('noProblem');
  }
  if (s.intent === 'Cancel' && s.target) {
    const service = t.catalog.services.find((x) => x.key === s.serviceKey);
    const reply = t.speech.say('kept', {
      service: t.speech.serviceInSentence(service),
      when: t.speech.when(s.target.startsAt),
    });
    t.state = freshState();
    return reply;
  }
  s.proposal = null;
  s.when = null;
  return ask(t, 'when', t.speech.say('declined'));
}
