import { DateTime } from 'luxon';
import { wallClock } from './wall-clock';
import { intersect, type MinuteRange, rangesOn, weekdayOf, type WeeklyHours } from './weekly-hours';
import { timeZone } from '../../core/time-zone';

/** A half-open instant range [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

export interface StaffCalendar {
  staffId: string;
  hours: WeeklyHours;
  /** Active appointments and blocks as [start, busyUntil): already including their buffers. */
  busy: Span[];
}

export interface SlotQuery {
  timezone: string;
  openingHours: WeeklyHours;
  staff: StaffCalendar[];
  durationMinutes: number;
  bufferMinutes: number;
  stepMinutes: number;
  /** Slots start in [from, to); the caller folds minimum notice and horizon into these. */
  from: Date;
  to: Date;
}

export interface Slot {
  start: Date;
  end: Date;
  staffId: string;
}

const MINUTE = 60_000;

/**
 * Free slots, earliest first. Wall-clock arithmetic happens in the business's zone, so a
 * 9:00 opening stays 9:00 on both sides of a DST change; conflicts are checked in instants.
 */
export function freeSlots(query: SlotQuery): Slot[] {
  return [...freeSlotsByDay(query)].flat();
}

/** The same slots one local day at a time, so a caller that needs only a few can stop early. */
export function* freeSlotsByDay(query: SlotQuery): Generator<Slot[]> {
  const from = query.from.getTime();
  const to = query.to.getTime();
  if (from >= to) return;
  const zone = timeZone(query.timezone);
  const lastDay = DateTime.fromMillis(to, { zone }).startOf('day');
  // Each next day is the start of the next calendar date: where a DST change skips midnight the
  // day starts at 01:00, and adding a day to that would stay at 01:00 and miss the last day.
  for (
    let day = DateTime.fromMillis(from, { zone }).startOf('day');
    day <= lastDay;
    day = day.plus({ days: 1 }).startOf('day')
  ) {
    const weekday = weekdayOf(day.weekday);
    const open = rangesOn(query.openingHours, weekday);
    const slots: Slot[] = [];
    for (const member of query.staff) {
      for (const range of intersect(open, rangesOn(member.hours, weekday))) {
        collect(slots, day, range, member, query, from, to);
      }
    }
    if (slots.length) yield slots.sort((a, b) => a.start.getTime() - b.start.getTime());
  }
}

function collect(
  out: Slot[],
  day: DateTime,
  range: MinuteRange,
  member: StaffCalendar,
  query: SlotQuery,
  from: number,
  to: number,
): void {
  // Step in real time from the opening instant: across a DST change inside opening hours this
  // yields each real hour once (no duplicate 1:00 AM, no slot in the skipped hour).
  const opens = atMinute(day, range.from);
  const closes = atMinute(day, range.to);
  const step = query.stepMinutes * MINUTE;
  const length = query.durationMinutes * MINUTE;
  const hold = (query.durationMinutes + query.bufferMinutes) * MINUTE;
  for (let start = opens; start + length <= closes; start += step) {
    if (start < from || start >= to) continue;
    if (overlapsAny(member.busy, start, start + hold)) continue;
    out.push({ start: new Date(start), end: new Date(start + length), staffId: member.staffId });
  }
}

/** A local wall-clock minute of the day as an instant (a time skipped by DST moves forward). */
export function atMinute(day: DateTime, minute: number): number {
  const date = day.plus({ days: Math.floor(minute / 1440) });
  return date.set({ hour: Math.floor((minute % 1440) / 60), minute: minute % 60 }).toMillis();
}

function overlapsAny(busy: Span[], start: number, end: number): boolean {
  return busy.some((b) => b.start < end && start < b.end);
}

/**
 * Whether a visit of the query's length can start at `start` for this staff member. Compared in
 * local wall-clock minutes, which is what opening hours are, so it holds across DST changes.
 */
export function fitsHours(
  query: Pick<SlotQuery, 'timezone' | 'openingHours' | 'durationMinutes'>,
  hours: WeeklyHours,
  start: Date,
): boolean {
  const begins = wallClock(start, query.timezone);
  const ends = wallClock(start.getTime() + query.durationMinutes * MINUTE, query.timezone);
  // A visit ending at midnight or later counts its end past the day's 1440 minutes.
  const to = (ends.day - begins.day) * 1440 + ends.minute;
  const weekday = weekdayOf(begins.weekday);
  return intersect(rangesOn(query.openingHours, weekday), rangesOn(hours, weekday)).some(
    (r) => r.from <= begins.minute && to <= r.to,
  );
}
