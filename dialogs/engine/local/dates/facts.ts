import type { DateTime } from 'luxon';
import type { Grain } from '../../types';

/**
 * What a message says about time, before it is pinned to the calendar. Recognisers fill it in
 * piece by piece; resolve-when.ts turns it into one range in the business's zone.
 */

export type DayPart =
  | 'morning'
  | 'mid_morning'
  | 'lunch'
  | 'after_lunch'
  | 'afternoon'
  | 'mid_afternoon'
  | 'late_afternoon'
  | 'evening';

/** Minutes after local midnight; where a business's day is usually split. */
export const DAY_PART_RANGES: Readonly<Record<DayPart, { from: number; to: number }>> = {
  morning: { from: 8 * 60, to: 12 * 60 },
  mid_morning: { from: 10 * 60, to: 12 * 60 },
  lunch: { from: 12 * 60, to: 14 * 60 },
  after_lunch: { from: 13 * 60, to: 17 * 60 },
  afternoon: { from: 12 * 60, to: 17 * 60 },
  mid_afternoon: { from: 14 * 60, to: 16 * 60 },
  late_afternoon: { from: 15 * 60, to: 17 * 60 },
  evening: { from: 18 * 60, to: 21 * 60 },
};

export interface ClockTime {
  hour: number;
  minute: number;
  /** True when am/pm (or a 24-hour value) was said; otherwise the business rule decides. */
  meridiemKnown: boolean;
  /** "around 3", "tipo 3": an hour-wide window. */
  approximate: boolean;
  /** "between 1 and 3", "entre las 2 y las 4": where the window ends. */
  until?: { hour: number; minute: number; meridiemKnown: boolean };
  /** "4pm PST", "9:30 CET": the UTC offset (minutes) of the zone the time was said in. */
  offsetMinutes?: number;
}

type CalendarDay = { year: number; month: number; day: number };

export interface DateFacts {
  /** A calendar day named outright ("tomorrow", "the 28th", "3 de diciembre"). */
  date?: CalendarDay;
  /** The last day of a span of days ("July 13 to 15", "next 3 days", "the end of this week"). */
  through?: CalendarDay;
  /** "the week of October 7th": the whole week holding `date`. */
  weekOf?: boolean;
  /** A weekday without a date (0 = Sunday, chrono's numbering). */
  weekday?: number;
  /**
   * "next week", "la semana que viene"; "this week", "de esta semana" ('this': a weekday of this
   * very week, today included); "this friday" ('coming': the coming one).
   */
  week?: 'this' | 'next' | 'coming';
  time?: ClockTime;
  part?: DayPart;
  /** "tonight", "this afternoon", "esta tarde": the part of day is today's. */
  partToday?: boolean;
  /** "in 2 hours": already an instant. */
  instant?: DateTime;
  /** "in 3 days": that day, from the moment 3 days from now. */
  from?: DateTime;
  /** "the next 3 hours", "within 2 weeks": a span already worked out. */
  span?: { start: DateTime; end: DateTime; grain: Grain };
  /** "by 2pm", "by the end of the day": from now until the time or day said. */
  deadline?: boolean;
  /** "asap", "al tiro", "lo antes posible": the earliest time there is, when nothing more precise is said. */
  soon?: boolean;
}
