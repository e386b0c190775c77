import { DateTime } from 'luxon';
import type { AgendaEntry, DayAgenda } from '../../core/day-agenda';
import type { Locale } from '../../core/locale';
import { timeZone } from '../../core/time-zone';
import { formatClock } from './format';
import { type MessageId, render } from './render';

/**
 * One day of a business as its owner reads it: the `today` command's reply and the morning
 * digest word it the same way, one line per visit or block, then the free time.
 */

const STATUS_TEXT: Record<string, MessageId> = {
  pending_approval: 'statusPending',
  booked: 'statusBooked',
  confirmed: 'statusConfirmed',
  in_progress: 'statusInProgress',
  completed: 'statusCompleted',
  no_show: 'statusNoShow',
  cancelled: 'statusCancelled',
};

const DAY_FORMAT: Record<Locale, { tag: string; format: string }> = {
  en: { tag: 'en-US', format: 'ccc LLL d' },
  es: { tag: 'es-CL', format: 'ccc d LLL' },
};

/** "booked", "agendada": an appointment status as the owner reads it. */
export function statusText(status: string, locale: Locale): string {
  return render(STATUS_TEXT[status] ?? 'statusBooked', locale);
}

/** "Tue Nov 24", "mar 24 nov". */
export function agendaDate(day: Date, timezone: string, locale: Locale): string {
  return DateTime.fromJSDate(day, { zone: timeZone(timezone) })
    .setLocale(DAY_FORMAT[locale].tag)
    .toFormat(DAY_FORMAT[locale].format)
    .replace(/\./g, '');
}

/** "1:00 PM-3:00 PM", "13:00-15:00": plain hyphens keep an SMS in GSM-7. */
export function clockRange(start: Date, end: Date, timezone: string, locale: Locale): string {
  return `${formatClock(start, timezone, locale)}-${formatClock(end, timezone, locale)}`;
}

function serviceName(entry: AgendaEntry, locale: Locale): string {
  return entry.serviceNames[locale] ?? Object.values(entry.serviceNames)[0] ?? '';
}

export function agendaLine(entry: AgendaEntry, timezone: string, locale: Locale): string {
  const staff = entry.staff ? `, ${entry.staff}` : '';
  if (entry.kind === 'block')
    return render('agendaBlock', locale, {
      time: wholeDays(entry, timezone)
        ? render('agendaAllDay', locale)
        : clockRange(entry.start, entry.end, timezone, locale),
      staff,
      ref: entry.reference,
    });
  return render(entry.status === 'pending_approval' ? 'agendaPending' : 'agendaVisit', locale, {
    time: formatClock(entry.start, timezone, locale),
    ref: entry.reference,
    service: serviceName(entry, locale),
    customer: entry.customer ?? '',
    address: entry.address ? `, ${entry.address}` : '',
    staff,
    status: statusText(entry.status, locale),
  });
}

/** A block from one local midnight to another ("off friday"). */
function wholeDays(entry: AgendaEntry, timezone: string): boolean {
  const midnight = (d: Date) => +DateTime.fromJSDate(d, { zone: timeZone(timezone) }).startOf('day') === +d;
  return midnight(entry.start) && midnight(entry.end);
}

/** "Free: 9:45 AM-12:00 PM, 2:00 PM-5:00 PM", per staff member when there are several. */
export function freeLine(agenda: DayAgenda, locale: Locale): string {
  if (agenda.free.length === 0) return render('agendaFull', locale);
  const byStaff = new Map<string | null, string[]>();
  for (const gap of agenda.free) {
    const ranges = byStaff.get(gap.staff) ?? [];
    ranges.push(clockRange(gap.start, gap.end, agenda.timezone, locale));
    byStaff.set(gap.staff, ranges);
  }
  const gaps = [...byStaff].map(([staff, ranges]) => `${staff ? `${staff} ` : ''}${ranges.join(', ')}`).join('; ');
  return render('agendaFree', locale, { gaps });
}

/** The variables of a day's texts (`ownerDay`, `digest` and their empty forms). */
export function agendaVars(agenda: DayAgenda, locale: Locale): { date: string; list: string; free: string } {
  const free = freeLine(agenda, locale);
  const lines = agenda.entries.map((e) => agendaLine(e, agenda.timezone, locale));
  return { date: agendaDate(agenda.day, agenda.timezone, locale), list: [...lines, free].join('\n'), free };
}
