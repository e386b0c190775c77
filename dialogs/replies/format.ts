import type { Locale } from '../../core/locale';

/**
 * Dates, prices and lists as a customer in that language expects them, in the business's zone.
 * Dates go through one cached Intl formatter per zone and language: every reply formats a
 * time or three, and building date objects per call was a tenth of a webhook turn's CPU.
 */

const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-CL' };
const formatters = new Map<string, Intl.DateTimeFormat>();

interface Parts {
  weekday: string;
  day: string;
  month: string;
  hour: string;
  minute: string;
  dayPeriod: string;
}

function partsOf(instant: Date | string, timezone: string, locale: Locale): Parts {
  const key = `${timezone}|${locale}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const clock: Intl.DateTimeFormatOptions =
      locale === 'en' ? { hour: 'numeric', hour12: true } : { hour: '2-digit', hourCycle: 'h23' };
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: timezone,
      weekday: 'long',
      month: 'short',
      day: 'numeric',
      minute: '2-digit',
      ...clock,
    });
    formatters.set(key, formatter);
  }
  const parts = { weekday: '', day: '', month: '', hour: '', minute: '', dayPeriod: '' };
  for (const part of formatter.formatToParts(typeof instant === 'string' ? new Date(instant) : instant)) {
    if (part.type in parts) parts[part.type as keyof Parts] = part.value.replace(/\./g, '');
  }
  return parts;
}

/** "Tue Nov 24 at 3:00 PM", "martes 24 nov, 15:00". */
export function formatWhen(instant: Date | string, timezone: string, locale: Locale): string {
  const p = partsOf(instant, timezone, locale);
  return locale === 'en'
    ? `${p.weekday.slice(0, 3)} ${p.month} ${p.day} at ${p.hour}:${p.minute} ${p.dayPeriod}`
    : `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute}`;
}

/** Shorter, for numbered options: "Tue Nov 24 3:15 PM", "mar 24 nov 15:15". */
export function formatSlot(instant: Date | string, timezone: string, locale: Locale): string {
  const p = partsOf(instant, timezone, locale);
  return locale === 'en'
    ? `${p.weekday.slice(0, 3)} ${p.month} ${p.day} ${p.hour}:${p.minute} ${p.dayPeriod}`
    : `${p.weekday.slice(0, 3)} ${p.day} ${p.month} ${p.hour}:${p.minute}`;
}

/** "3:15 PM", "15:15". */
export function formatClock(instant: Date | string, timezone: string, locale: Locale): string {
  const p = partsOf(instant, timezone, locale);
  return locale === 'en' ? `${p.hour}:${p.minute} ${p.dayPeriod}` : `${p.hour}:${p.minute}`;
}

export function formatPrice(cents: number, locale: Locale): string {
  const amount = cents / 100;
  return `$${new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: Number.isInteger(amount) ? 0 : 2, minimumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount)}`;
}

/** "1) Tue 3:15 PM 2) Wed 8:00 AM" */
export function numbered(items: string[]): string {
  return items.map((item, i) => `${i + 1}) ${item}`).join(' ');
}

/** "a, b and c" / "a, b y c" */
export function joinList(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
