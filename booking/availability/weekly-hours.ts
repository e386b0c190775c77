/** Opening or working hours as a person writes them: per weekday, a list of "HH:MM" ranges. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeRange {
  from: string;
  to: string;
}

export type WeeklyHours = Partial<Record<Weekday, TimeRange[]>>;

/** A range within one local day, in minutes after midnight. */
export interface MinuteRange {
  from: number;
  to: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function isClockTime(value: string): boolean {
  return HH_MM.test(value);
}

export function toMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** Luxon numbers weekdays 1 (Monday) to 7 (Sunday). */
export function weekdayOf(luxonWeekday: number): Weekday {
  return WEEKDAYS[luxonWeekday - 1];
}

export function rangesOn(hours: WeeklyHours, day: Weekday): MinuteRange[] {
  return (hours[day] ?? [])
    .map((r) => ({ from: toMinutes(r.from), to: toMinutes(r.to) }))
    .sort((a, b) => a.from - b.from);
}

/** Where both lists are open: a staff member works only while the business is open. */
export function intersect(a: MinuteRange[], b: MinuteRange[]): MinuteRange[] {
  const out: MinuteRange[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from < to) out.push({ from, to });
    }
  }
  return out.sort((p, q) => p.from - q.from);
}
