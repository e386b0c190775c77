import { DateTime } from 'luxon';
import { timeZone } from '../../core/time-zone';
import type { AgendaRow } from '../../booking/repositories/agenda';
import { agendaDate, statusText } from '../../dialogs/replies/agenda';
import { formatClock } from '../../dialogs/replies/format';
import type { Vars } from '../../dialogs/replies/render';
import type { OwnerTurn } from './owner-turn';

/** How the owner's replies name a visit: code, service, time, customer, status. */
export function visitVars(t: OwnerTurn, visit: AgendaRow): Vars {
  return {
    ref: visit.reference,
    service: t.speech.serviceName(t.speech.serviceById(visit.serviceId) ?? { names: {} }),
    when: t.speech.when(visit.startsAt),
    customer: visit.customerName ?? visit.phone ?? '',
    status: statusText(visit.status, t.speech.locale),
  };
}

/** When something happened, as the owner would say it: "today at 9:05 AM", "yesterday", "on Mon Nov 23". */
export function whenItHappened(t: OwnerTurn, at: Date): string {
  const { timezone } = t.catalog.business;
  const zone = timeZone(timezone);
  const day = DateTime.fromJSDate(at, { zone }).startOf('day');
  const today = DateTime.fromJSDate(t.now, { zone }).startOf('day');
  if (+day === +today) return t.speech.say('happenedToday', { time: formatClock(at, timezone, t.speech.locale) });
  if (+day === +today.minus({ days: 1 })) return t.speech.say('happenedYesterday');
  return t.speech.say('happenedOn', { date: agendaDate(at, timezone, t.speech.locale) });
}
