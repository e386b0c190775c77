/**
 * Dates and times on the business's wall clock, whatever the device's own zone: the front desk
 * PC in another zone, or set wrong, still shows the shop's day. Only Intl, no date library.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();

function wallParts(instant: number, zone: string): Record<string, number> {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(zone, format);
  }
  const out: Record<string, number> = {};
  for (const p of format.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at this instant. */
function offsetMinutes(instant: number, zone: string): number {
  const p = wallParts(instant, zone);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant) / 60_000);
}

/** The instant a wall-clock date and time (`2026-11-24`, `10:30`) is in the zone; a time skipped by DST moves on. */
export function instantAt(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, mi);
  const first = guess - offsetMinutes(guess, zone) * 60_000;
  return new Date(guess - offsetMinutes(first, zone) * 60_000);
}

/** The wall-clock date of an instant: `2026-11-24`. */
export function dateOf(instant: string | Date, zone: string): string {
  const p = wallParts(new Date(instant).getTime(), zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Minutes after local midnight. */
export function minuteOfDay(instant: string | Date, zone: string): number {
  const p = wallParts(new Date(instant).getTime(), zone);
  return p.hour * 60 + p.minute;
}

export function timeOf(instant: string | Date, zone: string, locale: string): string {
  return new Date(instant).toLocaleTimeString(locale, { timeZone: zone, hour: 'numeric', minute: '2-digit' });
}

export function dayLabel(date: string, locale: string, long = false): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'UTC',
    weekday: long ? 'long' : 'short',
    day: 'numeric',
    month: long ? 'long' : 'short',
  });
}

export function whenLabel(instant: string, zone: string, locale: string): string {
  return `${dayLabel(dateOf(instant, zone), locale)} ${timeOf(instant, zone, locale)}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week a date is in. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7];
}

/** "Mon 23": a day in a chart. */
export function shortDay(date: string, locale: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
  });
}

/** An hour of the day as the locale says it: "10 AM", "10". */
export function hourLabel(hour: number, locale: string): string {
  return new Date(Date.UTC(2000, 0, 1, hour)).toLocaleTimeString(locale, { timeZone: 'UTC', hour: 'numeric' });
}

/** Monday is 0. */
export function weekdayName(index: number, locale: string): string {
  return new Date(Date.UTC(2026, 10, 23 + index)).toLocaleDateString(locale, { weekday: 'long', timeZone: 'UTC' });
}

export function money(cents: number | null, locale: string): string {
  if (cents === null) return '';
  const amount = cents / 100;
  return `$${amount.toLocaleString(locale, { minimumFractionDigits: amount % 1 ? 2 : 0, maximumFractionDigits: 2 })}`;
}
