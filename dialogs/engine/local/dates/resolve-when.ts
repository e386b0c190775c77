import { DateTime } from 'luxon';
import type { Grain, When } from '../../types';
import { type ClockTime, DAY_PART_RANGES, type DateFacts, type DayPart } from './facts';
import { atWallClock, isoOf } from './zoned';

/**
 * Pins facts to the calendar in the business's zone. The rules a receptionist would follow:
 * a bare time is the next one still ahead (today, else tomorrow); a bare weekday is the next such
 * day after today; "3" without am/pm is 3pm (nobody books a mechanic at 3am); a bare day is the
 * whole day, and today's day or part of day starts now rather than in the past. While a day is
 * being settled (the focus), a time or part of day said alone is that day's.
 */

/** 1-7 without am/pm are afternoon hours for a business; 8-12 are as said. */
function hourOf(time: Pick<ClockTime, 'hour' | 'meridiemKnown'>, part: DayPart | undefined): number {
  const { hour } = time;
  if (time.meridiemKnown || hour === 0 || hour >= 13) return hour;
  if (part === 'morning') return hour;
  if (part) return hour < 12 ? hour + 12 : hour;
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

/** chrono numbers weekdays 0 (Sunday) to 6; luxon 1 (Monday) to 7. */
function luxonWeekday(chronoWeekday: number): number {
  return chronoWeekday === 0 ? 7 : chronoWeekday;
}

function dayOf(facts: DateFacts, now: DateTime, focus: DateTime | null): DateTime | null {
  if (facts.date) return DateTime.fromObject(facts.date, { zone: now.zone }).startOf('day');
  if (facts.weekday === undefined) return null;
  const wanted = luxonWeekday(facts.weekday);
  if (facts.week === 'next')
    return now
      .startOf('week')
      .plus({ weeks: 1, days: wanted - 1 })
      .startOf('day');
  // Settling on Wed Dec 16, "thursday instead" is the 17th: a weekday of the week in focus
  // when that week is a later one.
  if (!facts.week && focus && focus.startOf('week') > now.startOf('week'))
    return focus
      .startOf('week')
      .plus({ days: wanted - 1 })
      .startOf('day');
  const ahead = (wanted - now.weekday + 7) % 7 || 7;
  return now.plus({ days: ahead }).startOf('day');
}

function ceilMinute(instant: DateTime): DateTime {
  const floor = instant.startOf('minute');
  return floor < instant ? floor.plus({ minutes: 1 }) : floor;
}

function range(start: DateTime, end: DateTime, grain: Grain): When {
  return { start: isoOf(start), end: isoOf(end), grain };
}

/** A range that began before now starts now instead (today's "afternoon" at 2pm). */
function fromNow(start: DateTime, end: DateTime, now: DateTime, grain: Grain): When {
  return range(start < now && end > now ? ceilMinute(now) : start, end, grain);
}

function atTime(time: ClockTime, part: DayPart | undefined, day: DateTime | null, now: DateTime): When {
  const hour = hourOf(time, part);
  let start = atWallClock(day ?? now, hour, time.minute);
  if (!day && start <= now) start = atWallClock(now.plus({ days: 1 }), hour, time.minute);
  if (time.until) {
    // "between 11 and 1": an end that reads earlier than the start is after noon.
    let endHour = hourOf(time.until, part);
    if (endHour * 60 + time.until.minute <= hour * 60 + time.minute && endHour < 12) endHour += 12;
    const end = atWallClock(start, endHour, time.until.minute);
    // A window that still ends before it starts was no window: its start is what is left.
    return end > start ? range(start, end, 'hour') : range(start, start, 'minute');
  }
  return time.approximate ? range(start, start.plus({ hours: 1 }), 'hour') : range(start, start, 'minute');
}

function inPart(part: DayPart, day: DateTime | null, today: boolean, now: DateTime): When {
  const { from, to } = DAY_PART_RANGES[part];
  const bounds = (on: DateTime) =>
    [atWallClock(on, Math.floor(from / 60), from % 60), atWallClock(on, Math.floor(to / 60), to % 60)] as const;
  let [start, end] = bounds(day ?? now);
  if (!day && !today && end <= now) [start, end] = bounds(now.plus({ days: 1 }));
  return fromNow(start, end, now, 'part_of_day');
}

/** The focus day, for a time or part of day that names no day of its own. */
function focusFor(facts: DateFacts, focus: DateTime | null, now: DateTime): DateTime | null {
  if (!focus || focus < now.startOf('day') || facts.partToday || facts.week || facts.soon) return null;
  return facts.time || facts.part ? focus.startOf('day') : null;
}

export function resolveWhen(facts: DateFacts, now: DateTime, focus: DateTime | null = null): When | null {
  if (facts.instant) return range(facts.instant, facts.instant, 'minute');
  const day = dayOf(facts, now, focus) ?? focusFor(facts, focus, now);
  // "last night", "yesterday": nobody books the past, and a stray reading must not look like a request.
  if (day && day < now.startOf('day')) return null;
  // "next week, mornings are best", "next week at 3": the week is the request; a time or part
  // of day without a day cannot span it.
  if (facts.week && !day && !facts.partToday) {
    const week = now.startOf('week').plus({ weeks: facts.week === 'next' ? 1 : 0 });
    return fromNow(week, week.plus({ weeks: 1 }), now, 'week');
  }
  if (facts.time) return atTime(facts.time, facts.part, day, now);
  if (facts.part) return inPart(facts.part, day, facts.partToday ?? false, now);
  if (day) return fromNow(day, day.plus({ days: 1 }).startOf('day'), now, 'day');
  // "asap" alone: the rest of today, like "today"; when today is full the bot offers the nearest
  // free slots after now, which is what asap asks for. Any day or time said with it wins.
  if (facts.soon) return fromNow(now.startOf('day'), now.plus({ days: 1 }).startOf('day'), now, 'day');
  return null;
}
