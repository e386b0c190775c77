import type { When } from '../../dialogs/engine/types';
import { agendaVars } from '../../dialogs/replies/agenda';
import { formatPrice } from '../../dialogs/replies/format';
import { localDay } from '../dialog/state';
import type { OwnerTurn } from './owner-turn';
import { visitVars } from './wording';

/**
 * "today", "fri", "dec 18": the day as the morning digest lists it. Today's also names any notice
 * that could not reach this owner in the last day (WhatsApp closed and no template, a failure),
 * so nothing meant for the owner is lost silently.
 */
export async function showDay(t: OwnerTurn, when: When): Promise<string> {
  const agenda = await t.booking.agenda.day(t.catalog, new Date(when.start));
  const vars = agendaVars(agenda, t.speech.locale);
  const { timezone } = t.catalog.business;
  const isToday = localDay(agenda.day, timezone) === localDay(t.now, timezone);
  const missed = isToday ? await t.booking.agenda.undelivered(t.catalog.business.id, t.ownerPhone) : [];
  const undelivered = missed.length
    ? t.speech.say('ownerUndelivered', { list: missed.map((m) => m.body).join(' | ') })
    : '';
  return t.speech.say(agenda.entries.length ? 'ownerDay' : 'ownerDayEmpty', { ...vars, undelivered });
}

/** "next": the next visit with what it takes to drive there. */
export async function showNext(t: OwnerTurn): Promise<string> {
  const visit = await t.booking.agenda.next(t.catalog.business.id);
  if (!visit) return t.speech.say('ownerNothingNext');
  const vehicle = visit.customerDetails?.vehicle ?? null;
  const details = [
    ['detailAddress', visit.address ?? visit.customerDetails?.address ?? null],
    ['detailVehicle', vehicle],
    // The booking's notes often hold the car as the customer wrote it: said once.
    ['detailNotes', visit.notes && visit.notes !== vehicle ? visit.notes : null],
  ] as const;
  return t.speech.say('ownerNext', {
    ...visitVars(t, visit),
    who: [visit.customerName, visit.phone].filter(Boolean).join(' '),
    details: details.map(([id, value]) => (value ? t.speech.say(id, { value }) : '')).join(''),
  });
}

/** "stats": today's and this week's visits, done, no-shows and what they are worth at list prices. */
export async function showStats(t: OwnerTurn): Promise<string> {
  const { today, week } = await t.booking.agenda.stats(t.catalog);
  const price = (cents: number) => formatPrice(cents, t.speech.locale);
  return t.speech.say('ownerStats', {
    todayBooked: today.booked,
    todayDone: today.completed,
    todayNoShows: today.noShows,
    todayRevenue: price(today.revenueCents),
    weekBooked: week.booked,
    weekDone: week.completed,
    weekNoShows: week.noShows,
    weekRevenue: price(week.revenueCents),
  });
}
