/**
 * An instant as a clock on the wall of a time zone reads it. One cached Intl formatter per zone:
 * checking opening hours runs for every requested time, and building luxon objects for it was
 * most of a booking turn's date work.
 */
export interface WallClock {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  /** 1 = Monday … 7 = Sunday, as luxon numbers them. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function wallClock(instant: Date | number, timezone: string): WallClock {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric' });
    formatters.set(timezone, formatter);
  }
  const p: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) p[part.type] = part.value;
  return {
    day: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / 86_400_000,
    weekday: WEEKDAY[p.weekday],
    minute: Number(p.hour) * 60 + Number(p.minute),
  };
}
