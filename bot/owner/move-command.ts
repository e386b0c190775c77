import type { Slot } from '../../booking/availability/slots';
import type { AgendaRow } from '../../booking/repositories/agenda';
import type { When } from '../../dialogs/engine/types';
import { type OfferReason, REASON } from '../dialog/booking-flow';
import { freshState, targetOf } from '../dialog/state';
import { ownerActor, type OwnerTurn } from './owner-turn';
import { findVisit } from './references';
import { explainRefusal } from './visit-commands';
import { visitVars } from './wording';

/**
 * "move K7WM fri 3pm": the same atomic reschedule a customer's move goes through. A time that
 * cannot be had gets the nearest free ones, numbered; the owner answers with a number, which moves
 * the visit as it was when offered (a change made meanwhile makes the answer stale, not a surprise).
 * A day or part of a day alone ("move K7WM fri") offers that day's nearest times.
 */
export async function moveVisit(t: OwnerTurn, ref: string, when: When | null): Promise<string> {
  const found = await findVisit(t, ref);
  if (!found.ok) return found.reply;
  const visit = found.visit;
  if (visit.kind === 'block') return t.speech.say('ownerIsBlock', { ref: visit.reference });
  if (!when) return t.speech.say('ownerMoveAsk', { ref: visit.reference });
  const start = new Date(when.start);
  if (when.grain !== 'minute' && when.grain !== 'hour') {
    const slots = await t.booking.availability.nearest({
      businessId: t.catalog.business.id,
      serviceId: visit.serviceId!,
      requested: start,
      ignoreAppointmentId: visit.id,
    });
    return offerMove(t, visit, slots, 'range');
  }
  return reschedule(t, visit, start, undefined);
}

/** A number in answer to the alternatives offered; null when none were. */
export async function pickMove(t: OwnerTurn, n: number): Promise<string | null> {
  const { target, offered } = t.state;
  if (t.state.intent !== 'Reschedule' || !target || offered.length === 0) return null;
  const picked = offered[n - 1];
  const visit = await t.booking.agenda.byId(t.catalog.business.id, target.id);
  if (!visit) return null;
  if (!picked) return sayOffer(t, visit, '');
  // The visit as the owner saw it when the times were offered.
  return reschedule(t, { ...visit, version: target.version }, new Date(picked.start), picked.staffId);
}

async function reschedule(t: OwnerTurn, visit: AgendaRow, start: Date, staffId: string | undefined): Promise<string> {
  t.state = freshState();
  try {
    const outcome = await t.booking.appointments.reschedule({
      businessId: t.catalog.business.id,
      appointmentId: visit.id,
      start,
      staffId,
      expectedVersion: visit.version,
      actor: ownerActor(t),
    });
    if (!outcome.ok) return offerMove(t, visit, outcome.alternatives, outcome.reason);
    return t.speech.say('ownerMoved', visitVars(t, { ...visit, startsAt: outcome.appointment.startsAt }));
  } catch (error) {
    return explainRefusal(t, visit, 'move', error);
  }
}

function offerMove(t: OwnerTurn, visit: AgendaRow, slots: Slot[], reason: OfferReason): string {
  const why = t.speech.say(reason === 'staff_away' ? 'reasonNobodyFor' : REASON[reason], {
    staff: '',
    service: t.speech.serviceInSentence(t.speech.serviceById(visit.serviceId)),
  });
  if (slots.length === 0) {
    t.state = freshState();
    return t.speech.say('ownerMoveNoSlots', { ref: visit.reference, reason: why });
  }
  t.state = {
    ...freshState(),
    intent: 'Reschedule',
    asked: 'choice',
    target: targetOf(visit),
    offered: [...slots]
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((s) => ({ start: s.start.toISOString(), staffId: s.staffId })),
  };
  return sayOffer(t, visit, why);
}

function sayOffer(t: OwnerTurn, visit: AgendaRow, reason: string): string {
  const starts = t.state.offered.map((o) => o.start);
  return t.speech.say('ownerMoveOffer', {
    ref: visit.reference,
    reason,
    options: t.speech.options(starts),
    numbers: starts.length === 1 ? '1' : `1-${starts.length}`,
  });
}
