import { DateTime, FixedOffsetZone } from 'luxon';
import type { Grain, When } from '../../types';
import { type ClockTime, DAY_PART_RANGES, type DateFacts, type DayPart } from './facts';
import { atWallClock, dayStart, isoOf, weekStart } from './zoned';

/**
 * Pins facts to the calendar in the business's zone. The rules a receptionist would follow:
 * a bare time is the next one still ahead (today, else tomorrow); a bare weekday is the next such
 * day after today; "3" without am/pm is 3pm (nobody books a mechanic at 3am); a bare day is the
 * whole day, and today's day or part of day starts now rather than in the past. While a day is
 * being settled (the focus), a time or part of day said alone is that day's.
 */

/**
 * 1-7 without am/pm are afternoon hours for a business; 8-12 are as said; with a part of the day,
 * that part's ("8 tonight" is 20:00, "12 tonight" midnight: 24, the next day's 00:00).
 */
function hourOf(time: Pick<ClockTime, 'hour' | 'meridiemKnown'>, part: DayPart | undefined): number {
  const { hour } = time;
  if (time.meridiemKnown || hour === 0 || hour >= 13) return hour;
  if (part === 'morning' || part === 'mid_morning') return hour;
  if (part === 'evening' && hour === 12) return 24;
  if (part) return hour < 12 ? hour + 12 : hour;
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

/** chrono numbers weekdays 0 (Sunday) to 6; luxon 1 (Monday) to 7. */
function luxonWeekday(chronoWeekday: number): number {
  return chronoWeekday === 0 ? 7 : chronoWeekday;
}

function dayOf(facts: DateFacts, now: DateTime, focus: DateTime | null): DateTime | null {
  if (facts.date) return DateTime.fromObject(facts.date, { zone: now.zone });
  if (facts.weekday === undefined) return null;
  const wanted = luxonWeekday(facts.weekday);
  // "next Friday" is Friday of next week; "martes de esta semana" this week's, today included.
  if (facts.week === 'next' || facts.week === 'this')
    return dayStart(weekStart(now, facts.week === 'next' ? 1 : 0), wanted - 1);
  // Settling on Wed Dec 16, "thursday instead" is the 17th: a weekday of the week in focus
  // when that week is a later one.
  if (!facts.week && focus && weekStart(focus) > weekStart(now)) return dayStart(weekStart(focus), wanted - 1);
  const ahead = (wanted - now.weekday + 7) % 7 || 7;
  return dayStart(now, ahead);
}

function ceilMinute(instant: DateTime): DateTime {
  const ms = instant.toMillis();
  const ceiled = Math.ceil(ms / 60_000) * 60_000;
  return ceiled === ms ? instant : DateTime.fromMillis(ceiled, { zone: instant.zone });
}

function range(start: DateTime, end: DateTime, grain: Grain): When {
  return { start: isoOf(start), end: isoOf(end), grain };
}

/** A range that began before now (or before `earliest`) starts then instead (today's "afternoon" at 2pm). */
function fromNow(start: DateTime, end: DateTime, now: DateTime, grain: Grain, earliest = now): When {
  const from = earliest > now ? earliest : ceilMinute(now);
  return range(start < from && end > from ? from : start, end, grain);
}

/** The zone a time was said in: the business's, or the one named with it ("4pm PST"). */
function zoneOf(time: ClockTime, now: DateTime): DateTime {
  return time.offsetMinutes === undefined ? now : now.setZone(FixedOffsetZone.instance(time.offsetMinutes));
}

function atTime(time: ClockTime, part: DayPart | undefined, day: DateTime | null, now: DateTime): When {
  const hour = hourOf(time, part);
  const said = zoneOf(time, now);
  const on = day ? said.set({ year: day.year, month: day.month, day: day.day }) : said;
  let start = atWallClock(on, hour, time.minute);
  if (!day && start <= now) start = atWallClock(said.plus({ days: 1 }), hour, time.minute);
  const close = (instant: DateTime, grain: Grain) => range(instant.setZone(now.zone), instant.setZone(now.zone), grain);
  if (time.until) {
    // "between 11 and 1": an end that reads earlier than the start is after noon.
    let endHour = hourOf(time.until, part);
    if (endHour * 60 + time.until.minute <= hour * 60 + time.minute && endHour < 12) endHour += 12;
    const end = atWallClock(start, endHour, time.until.minute);
    // A window that still ends before it starts was no window: its start is what is left.
    return end > start ? range(start.setZone(now.zone), end.setZone(now.zone), 'hour') : close(start, 'minute');
  }
  return time.approximate
    ? range(start.setZone(now.zone), start.plus({ hours: 1 }).setZone(now.zone), 'hour')
    : close(start, 'minute');
}

function inPart(part: DayPart, day: DateTime | null, today: boolean, now: DateTime): When {
  const { from, to } = DAY_PART_RANGES[part];
  const bounds = (on: DateTime) =>
    [atWallClock(on, Math.floor(from / 60), from % 60), atWallClock(on, Math.floor(to / 60), to % 60)] as const;
  let [start, end] = bounds(day ?? now);
  if (!day && !today && end <= now) [start, end] = bounds(dayStart(now, 1));
  return fromNow(start, end, now, 'part_of_day');
}

/** The focus day, for a time or part of day that names no day of its own. */
function focusFor(facts: DateFacts, focus: DateTime | null, now: DateTime): DateTime | null {
  if (!focus || focus < dayStart(now) || facts.partToday || facts.week || facts.soon) return null;
  return facts.time || facts.part ? dayStart(focus) : null;
}

/** "the week of October 7th": Monday to Monday around it (a Sunday opens the week after, as in the US). */
function weekAround(day: DateTime): DateTime {
  return weekStart(dayStart(day, day.weekday === 7 ? 1 : 0));
}

/** "by 2pm", "by the end of the day": everything from now until then. */
function until(target: When, now: DateTime): When | null {
  const end = target.grain === 'minute' ? target.start : target.end;
  const to = DateTime.fromISO(end, { zone: now.zone });
  if (to <= now) return null;
  return range(ceilMinute(now), to, to.hasSame(now, 'day') ? 'part_of_day' : 'day');
}

export function resolveWhen(facts: DateFacts, now: DateTime, focus: DateTime | null = null): When | null {
  if (facts.instant) return range(facts.instant, facts.instant, 'minute');
  if (facts.span) return range(facts.span.start, facts.span.end, facts.span.grain);
  if (facts.deadline) {
    const target = resolveWhen({ ...facts, deadline: false }, now, focus);
    return target && until(target, now);
  }
  const day = dayOf(facts, now, focus) ?? focusFor(facts, focus, now);
  // "last night", "yesterday": nobody books the past, and a stray reading must not look like a request.
  if (day && day < dayStart(now) && !facts.through) return null;
  if (day && facts.weekOf) {
    const week = weekAround(day);
    return fromNow(week, weekStart(week, 1), now, 'week');
  }
  // "next week, mornings are best", "next week at 3": the week is the request; a time or part
  // of day without a day cannot span it.
  if (facts.week && facts.week !== 'coming' && !day && !facts.partToday) {
    const week = weekStart(now, facts.week === 'next' ? 1 : 0);
    return fromNow(week, weekStart(week, 1), now, 'week');
  }
  if (facts.time) return atTime(facts.time, facts.part, day, now);
  if (facts.part) return inPart(facts.part, day, facts.partToday ?? false, now);
  if (day) {
    const last = facts.through ? DateTime.fromObject(facts.through, { zone: now.zone }) : day;
    const end = dayStart(last, 1);
    return end > now ? fromNow(day, end, now, 'day', facts.from) : null;
  }
  // "asap" alone: the rest of today, like "today"; when today is full the bot offers the nearest
  // free slots after now, which is what asap asks for. Any day or time said with it wins.
  if (facts.soon) return fromNow(dayStart(now), dayStart(now, 1), now, 'day');
  return null;
}
