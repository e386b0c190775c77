import type { Slot } from '../../booking/availability/slots';
import type { Unavailable } from '../../booking/appointments';
import type { IntakeField } from '../../booking/business-settings';
import type { MessageId } from '../../dialogs/replies/render';
import type { AppointmentRow } from '../../booking/db/entities/appointment';
import { atInstant, type DialogState, freshState, type HeldSlot } from './state';
import type { TurnContext } from './turn-context';

/**
 * Booking and rescheduling, one question at a time: service, then day and time, then the
 * business's intake fields, then the exact slot said back for a YES.
 */

const ASK: Record<IntakeField, MessageId> = {
  name: 'askName',
  address: 'askAddress',
  vehicle: 'askVehicle',
  notes: 'askNotes',
};
/** The same question asked again once, saying what is needed ("tomorrow" is no address). */
const ASK_AGAIN: Record<IntakeField, MessageId> = {
  name: 'askNameAgain',
  address: 'askAddressAgain',
  vehicle: 'askVehicleAgain',
  notes: 'askNotes',
};
export type OfferReason = Unavailable['reason'] | 'range' | 'range_full';
export const REASON: Record<OfferReason, MessageId> = {
  taken: 'reasonTaken',
  outside_hours: 'reasonOutsideHours',
  too_soon: 'reasonTooSoon',
  too_far: 'reasonTooFar',
  in_past: 'reasonInPast',
  range: 'reasonRange',
  range_full: 'reasonRangeFull',
  staff_away: 'reasonStaffAway',
};

/** A new booking from this message, on top of what is already known (`seed`). */
export function startBooking(t: TurnContext, seed: Partial<DialogState> = {}): Promise<string> {
  t.state = { ...freshState(), ...seed, intent: 'Book' };
  mergeUnderstanding(t);
  return advanceBooking(t);
}

/** Folds what this message said into the booking being built. */
export function mergeUnderstanding(t: TurnContext): void {
  const u = t.understanding;
  const s = t.state;
  const proposal = s.proposal;
  const asked = changesAsked(t);
  if (asked.service) s.serviceKey = u.serviceKey;
  if (u.alsoServiceKey && s.intent === 'Book') s.nextServiceKey = u.alsoServiceKey;
  if (u.staffKey) s.staffKey = u.staffKey;
  if (u.when) {
    s.when = u.when;
    s.proposal = null;
    s.offered = [];
  } else if (proposal && (asked.service || asked.staff)) {
    // Same time, another service or person: that time is checked again for them.
    s.when = atInstant(proposal.start);
    s.proposal = null;
  }
  mergeIntake(t);
  // "Anything we should know?" "no": answered, with nothing to note.
  if (s.asked === 'notes' && u.answer === 'no') s.intake.notes = '';
}

/** The name, address, car or notes this message gave. */
export function mergeIntake(t: TurnContext): void {
  for (const [field, value] of Object.entries(t.understanding.intake)) {
    if (value) t.state.intake[field as IntakeField] = value;
  }
}

/**
 * A reply to "what address?" (or name, or car) that is none of it: "Maria" to "which car?", a
 * bare "tomorrow" to "what address?" (the day is taken). The question once more, saying what is
 * needed; a reply that still is none of it is then taken as written.
 */
export function answerInstead(t: TurnContext, field: IntakeField): Promise<string> {
  const s = t.state;
  if (s.reasked === field && !t.understanding.when) {
    s.intake[field] = t.text.trim().replace(/\s+/g, ' ');
    s.reasked = null;
  } else {
    mergeUnderstanding(t);
    s.reasked = field;
  }
  return advanceBooking(t);
}
/** What this message asks to change about the booking under way. */
function changesAsked(t: TurnContext): { service: boolean; staff: boolean; time: boolean } {
  const { state: s, understanding: u } = t;
  const at = s.proposal ? Date.parse(s.proposal.start) : Number.NaN;
  return {
    service: u.serviceKey !== null && s.intent === 'Book' && u.serviceKey !== s.serviceKey,
    staff: u.staffKey !== null && t.catalog.staff.find((m) => m.key === u.staffKey)?.id !== s.proposal?.staffId,
    time: u.when !== null && !(Date.parse(u.when.start) <= at && at <= Date.parse(u.when.end)),
  };
}

/** Whether an answer to "Reply YES to book" also asks for another time, service or person. */
export function changesProposal(t: TurnContext): boolean {
  if (!t.state.proposal || t.state.intent === 'Cancel') return false;
  const asked = changesAsked(t);
  return asked.service || asked.staff || asked.time;
}

export async function advanceBooking(t: TurnContext): Promise<string> {
  const s = t.state;
  const service = serviceOf(t);
  if (!service) {
    const only = t.catalog.services.filter((x) => x.active);
    if (only.length !== 1) return ask(t, 'service', t.speech.say('askService', { services: t.speech.serviceNames() }));
    s.serviceKey = only[0].key;
    return advanceBooking(t);
  }
  const unable = t.catalog.staff.find((m) => m.key === s.staffKey && !m.serviceIds.includes(service.id));
  if (unable) {
    // Asked for someone who does not do this service: say so, and look across everyone who does.
    s.staffKey = null;
    return `${t.speech.say('staffDoesNot', { staff: unable.name, service: t.speech.serviceInSentence(service) })} ${await advanceBooking(t)}`;
  }
  if (!s.proposal) {
    if (!s.when) return ask(t, 'when', t.speech.say('askWhen', { service: t.speech.serviceInSentence(service) }));
    const offered = await proposeFromWhen(t, service.id);
    if (offered) return offered;
  }
  if (s.intent === 'Book') {
    const missing = t.catalog.business.settings.intakeFields.find((f) => !known(t, f));
    if (missing) {
      // Answered with something else (answerInstead): once more, saying what is needed.
      const again = s.reasked === missing;
      if (!again) s.reasked = null;
      return ask(t, missing, t.speech.say(again ? ASK_AGAIN[missing] : ASK[missing]));
    }
  }
  return askConfirmation(t);
}

/** Turns `state.when` into a proposal, or returns the reply offering alternatives. */
async function proposeFromWhen(t: TurnContext, serviceId: string): Promise<string | null> {
  const s = t.state;
  const when = s.when!;
  const search = {
    businessId: t.catalog.business.id,
    serviceId,
    staffId: staffIdOf(t),
    ignoreAppointmentId: s.target?.id,
  };
  if (when.grain === 'minute' || when.grain === 'hour') {
    const start = new Date(when.start);
    const free = await t.booking.availability.staffFreeAt(search, start);
    if (free.ok) {
      s.proposal = { start: start.toISOString(), staffId: free.staffId };
      return null;
    }
    // "around 3", "9-11": the first time taken, the window's other free times come first.
    const inWindow =
      when.grain === 'hour'
        ? await t.booking.availability.slots({ ...search, from: start, to: new Date(when.end) })
        : [];
    if (inWindow.length > 0) return offer(t, spread(inWindow, 3), 'range');
    return offer(t, await t.booking.availability.nearest({ ...search, requested: start }), free.reason);
  }
  const inRange = await t.booking.availability.slots({ ...search, from: new Date(when.start), to: new Date(when.end) });
  if (inRange.length > 0) return offer(t, spread(inRange, 3), 'range');
  // Closed, fully booked or already over: "nothing free then" is true of each.
  return offer(t, await t.booking.availability.nearest({ ...search, requested: new Date(when.start) }), 'range_full');
}

/** Numbered options, or an honest "nothing near then". */
export function offer(t: TurnContext, slots: Slot[], reason: OfferReason, just = false): string {
  const s = t.state;
  s.proposal = null;
  if (slots.length === 0) {
    s.offered = [];
    s.when = null;
    return ask(t, 'when', t.speech.say('noSlots'));
  }
  // Chosen by nearness, numbered in time order.
  s.offered = [...slots]
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map((x) => ({ start: x.start.toISOString(), staffId: x.staffId }));
  const staff = t.catalog.staff.find((m) => m.key === s.staffKey)?.name;
  const service = serviceOf(t);
  // Open then, but nobody for it: the person asked for, or anyone who does this service.
  const why = just ? 'reasonJustTaken' : reason === 'staff_away' && !staff ? 'reasonNobodyFor' : REASON[reason];
  return sayOffer(t, t.speech.say(why, { staff: staff ?? '', service: t.speech.serviceInSentence(service) }));
}

/** The options on the table again, when the answer did not pick one. */
export function repeatOffer(t: TurnContext): string {
  return sayOffer(t, '').trim();
}

function sayOffer(t: TurnContext, reason: string): string {
  const starts = t.state.offered.map((o) => o.start);
  const numbers = starts.length === 1 ? '1' : `1-${starts.length}`;
  return ask(t, 'choice', t.speech.say('offer', { reason, options: t.speech.options(starts), numbers }));
}

/** The customer picked offered option `n` (1-based). */
export async function pickOffered(t: TurnContext, n: number): Promise<string> {
  const picked = t.state.offered[n - 1];
  if (!picked) return repeatOffer(t);
  t.state.proposal = picked;
  t.state.offered = [];
  return advanceBooking(t);
}

function askConfirmation(t: TurnContext): string {
  const s = t.state;
  const service = serviceOf(t)!;
  const proposal = s.proposal!;
  const vars = {
    service: t.speech.serviceName(service),
    when: t.speech.when(proposal.start),
    staff: t.speech.withStaff(proposal.staffId),
  };
  if (s.intent === 'Reschedule') {
    return ask(
      t,
      'confirmation',
      t.speech.say(s.inferredMove ? 'confirmMoveOrBook' : 'confirmReschedule', {
        ...vars,
        service: t.speech.serviceInSentence(service),
        old: t.speech.when(s.target!.startsAt),
      }),
    );
  }
  const address = s.intake.address ?? t.customer.details.address;
  const wantsAddress = t.catalog.business.settings.intakeFields.includes('address') && address;
  return ask(
    t,
    'confirmation',
    t.speech.say('confirmBooking', { ...vars, address: wantsAddress ? t.speech.say('atAddress', { address }) : '' }),
  );
}

/** YES to a proposed booking: the constraint decides, and a loser is offered the next times. */
export async function executeBooking(t: TurnContext): Promise<string> {
  const s = t.state;
  const service = serviceOf(t)!;
  const proposal = s.proposal!;
  const address = s.intake.address ?? t.customer.details.address ?? null;
  const vehicle = s.intake.vehicle ?? t.customer.details.vehicle;
  const outcome = await t.booking.appointments.book({
    businessId: t.catalog.business.id,
    serviceId: service.id,
    customerId: t.customer.id,
    start: new Date(proposal.start),
    staffId: proposal.staffId,
    channel: t.channel,
    address: t.catalog.business.settings.intakeFields.includes('address') ? address : null,
    notes: [vehicle, s.intake.notes].filter(Boolean).join(' · ') || null,
    actor: { kind: 'customer', customerId: t.customer.id },
  });
  if (!outcome.ok) {
    // The same YES run twice (a double tap answered at once, a YES whose answer was lost run again
    // by its redelivery): the slot is taken by the visit the first one booked. Said again.
    const own = outcome.reason === 'taken' ? await ownVisitAt(t, service.id, proposal) : undefined;
    if (own) return bookedReply(t, s, own);
    // The named staff member was taken: look across everyone who does this service.
    const others = await t.booking.availability.nearest({
      businessId: t.catalog.business.id,
      serviceId: service.id,
      staffId: staffIdOf(t),
      requested: new Date(proposal.start),
    });
    return offer(t, others, outcome.reason, outcome.reason === 'taken');
  }
  rememberIntake(t);
  return bookedReply(t, s, outcome.appointment);
}

/**
 * "Booked: …" for a visit the customer's YES booked, and the second service asked for with it
 * proposed right after it. `s` is the state the YES answered.
 */
async function bookedReply(t: TurnContext, s: DialogState, a: AppointmentRow): Promise<string> {
  t.state = {
    ...freshState(),
    recentVisit: a.startsAt.toISOString(),
    justBooked: { id: a.id, at: t.now.toISOString() },
  };
  const booked = sayBooked(t, a);
  if (!s.nextServiceKey) return booked;
  // "An oil change and a tire rotation": the second is proposed right after the first.
  t.state = {
    ...freshState(),
    intent: 'Book',
    serviceKey: s.nextServiceKey,
    intake: s.intake,
    when: atInstant(a.busyUntil.toISOString()),
    recentVisit: a.startsAt.toISOString(),
  };
  return `${booked} ${await advanceBooking(t)}`;
}

function sayBooked(t: TurnContext, a: AppointmentRow): string {
  return t.speech.say(a.status === 'pending_approval' ? 'bookedPending' : 'booked', {
    service: t.speech.serviceName(t.speech.serviceById(a.serviceId) ?? { names: {} }),
    when: t.speech.when(a.startsAt),
    staff: t.speech.withStaff(a.staffId),
    ref: a.reference,
  });
}

/** The customer's own upcoming visit for this service in this slot, if they hold it already. */
async function ownVisitAt(t: TurnContext, serviceId: string, slot: HeldSlot): Promise<AppointmentRow | undefined> {
  const visits = await t.booking.appointments.upcomingFor(t.catalog.business.id, t.customer.id);
  return visits.find(
    (a) =>
      a.kind === 'visit' &&
      a.serviceId === serviceId &&
      a.staffId === slot.staffId &&
      a.startsAt.getTime() === Date.parse(slot.start),
  );
}

/**
 * A YES again right after the one that booked (a double tap, or the first answer slow to arrive):
 * the booking is said again while the visit stands, rather than read as confirming the visit.
 * Null once a reminder went out since (a yes then answers the reminder) or the visit is gone.
 */
export async function repeatBooked(
  t: TurnContext,
  booked: NonNullable<DialogState['justBooked']>,
): Promise<string | null> {
  const { business } = t.catalog;
  if (await t.booking.messages.remindedSince(business.id, t.customer.id, new Date(booked.at))) return null;
  const visit = (await t.booking.appointments.upcomingFor(business.id, t.customer.id)).find((a) => a.id === booked.id);
  if (!visit) return null;
  t.state = { ...freshState(), recentVisit: visit.startsAt.toISOString(), justBooked: booked };
  return sayBooked(t, visit);
}

export function ask(t: TurnContext, what: NonNullable<TurnContext['state']['asked']>, reply: string): string {
  t.state.asked = what;
  return reply;
}

export function serviceOf(t: TurnContext) {
  return t.catalog.services.find((x) => x.key === t.state.serviceKey && x.active);
}

function staffIdOf(t: TurnContext): string | undefined {
  return t.catalog.staff.find((x) => x.key === t.state.staffKey)?.id;
}

function known(t: TurnContext, field: IntakeField): boolean {
  if (t.state.intake[field] !== undefined) return true;
  return field === 'name'
    ? Boolean(t.customer.name)
    : Boolean(t.customer.details[field as 'address' | 'vehicle' | 'notes']) && field !== 'notes';
}

/** Name, address and vehicle are kept on the customer, so the next booking does not ask again. */
function rememberIntake(t: TurnContext): void {
  const { name, address, vehicle } = t.state.intake;
  if (name) t.customerChanges.name = name;
  if (address || vehicle)
    t.customerChanges.details = { ...(address ? { address } : {}), ...(vehicle ? { vehicle } : {}) };
}

/** Up to `count` options spread across a range (morning: early, middle, late), not three in a row. */
function spread(slots: Slot[], count: number): Slot[] {
  const unique = slots.filter((x, i) => i === 0 || x.start.getTime() !== slots[i - 1].start.getTime());
  if (unique.length <= count) return unique;
  return Array.from({ length: count }, (_, i) => unique[Math.round((i * (unique.length - 1)) / (count - 1))]);
}
