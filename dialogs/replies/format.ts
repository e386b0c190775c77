import { DateTime } from 'luxon';
import type { Locale } from '../../core/locale';

/** Dates, prices and lists as a customer in that language expects them, in the business's zone. */

const LUXON_LOCALE: Record<Locale, string> = { en: 'en-US', es: 'es-CL' };

export function formatWhen(instant: Date | string, timezone: string, locale: Locale): string {
  const time = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(timezone).setLocale(LUXON_LOCALE[locale]);
  return locale === 'en' ? time.toFormat("ccc LLL d 'at' h:mm a") : time.toFormat('cccc d LLL, HH:mm').replace('.', '');
}

/** Shorter, for numbered options: "Tue Nov 24 3:15 PM", "mar 24 nov 15:15". */
export function formatSlot(instant: Date | string, timezone: string, locale: Locale): string {
  const time = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(timezone).setLocale(LUXON_LOCALE[locale]);
  return locale === 'en' ? time.toFormat('ccc LLL d h:mm a') : time.toFormat('ccc d LLL HH:mm').replace(/\./g, '');
}

export function formatClock(instant: Date | string, timezone: string, locale: Locale): string {
  const time = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant)).setZone(timezone);
  return locale === 'en' ? time.toFormat('h:mm a') : time.toFormat('HH:mm');
}

export function formatPrice(cents: number, locale: Locale): string {
  const amount = cents / 100;
  return `$${new Intl.NumberFormat(LUXON_LOCALE[locale], { maximumFractionDigits: Number.isInteger(amount) ? 0 : 2, minimumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount)}`;
}

/** "1) Tue 3:15 PM 2) Wed 8:00 AM" */
export function numbered(items: string[]): string {
  return items.map((item, i) => `${i + 1}) ${item}`).join(' ');
}

/** "a, b and c" / "a, b y c" */
export function joinList(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
