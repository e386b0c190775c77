import type { ParsingReference } from 'chrono-node';
import { DateTime } from 'luxon';

/**
 * chrono-node ignores IANA zone names and applies one fixed offset to every date it builds, so a
 * date across a DST change would get the wrong hour. Instead chrono works on the business's wall
 * clock presented as if it were UTC ("floating" time), we read back only the components it found
 * (day, hour, minute) and luxon builds the instant in the business's zone with the offset in
 * force on that very date.
 */

/** The business's wall clock now, as a chrono reference with a zero offset. */
export function floatingReference(now: DateTime): ParsingReference {
  return {
    instant: new Date(Date.UTC(now.year, now.month - 1, now.day, now.hour, now.minute, now.second)),
    timezone: 0,
  };
}

/** y-m-d of the wall-clock day `days` after `like`'s, by calendar arithmetic (no zone involved). */
function dayAfter(like: DateTime, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(like.year, like.month - 1, like.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The start of the wall-clock day `days` after `like`'s, in `like`'s zone: one luxon step where
 * `plus` and `startOf` take two (each asks the zone for its offset again).
 */
export function dayStart(like: DateTime, days = 0): DateTime {
  return DateTime.fromObject(dayAfter(like, days), { zone: like.zone });
}

/** The Monday starting `like`'s week, `weeks` later. */
export function weekStart(like: DateTime, weeks = 0): DateTime {
  return dayStart(like, 7 * weeks - (like.weekday - 1));
}

/**
 * A wall-clock date and time in the day's zone (a time skipped by DST moves forward); hour 24 is
 * the next day's midnight.
 */
export function atWallClock(day: DateTime, hour: number, minute: number): DateTime {
  const on = hour >= 24 ? dayAfter(day, 1) : { year: day.year, month: day.month, day: day.day };
  return DateTime.fromObject({ ...on, hour: hour % 24, minute }, { zone: day.zone });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * ISO 8601 with the offset of that instant, as luxon's toISO({ suppressMilliseconds: true })
 * writes it (2026-11-01T09:00:00-08:00), built from the instant's fields: luxon's formatter is
 * the slowest step of a reading.
 */
export function isoOf(instant: DateTime): string {
  const offset = instant.offset;
  const zone =
    offset === 0 && instant.zone.isUniversal
      ? 'Z'
      : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const ms = instant.millisecond ? `.${pad(instant.millisecond, 3)}` : '';
  return `${pad(instant.year, 4)}-${pad(instant.month)}-${pad(instant.day)}T${pad(instant.hour)}:${pad(instant.minute)}:${pad(instant.second)}${ms}${zone}`;
}
