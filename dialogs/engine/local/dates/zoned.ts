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

/**
 * A wall-clock date and time in the day's zone (a time skipped by DST moves forward); hour 24 is
 * the next day's midnight.
 */
export function atWallClock(day: DateTime, hour: number, minute: number): DateTime {
  const on = hour >= 24 ? day.plus({ days: 1 }) : day;
  return DateTime.fromObject(
    { year: on.year, month: on.month, day: on.day, hour: hour % 24, minute },
    { zone: day.zone },
  );
}

/** ISO 8601 without milliseconds, with the offset of that instant: 2026-11-01T09:00:00-08:00. */
export function isoOf(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true }) ?? instant.toUTC().toISO() ?? '';
}
