import { timeZone } from '../../core/time-zone';

/**
 * An instant as a clock on the wall of a time zone reads it: the zone's offset at that instant
 * (remembered per day, see core/time-zone.ts) and arithmetic. Checking opening hours runs
 * for every candidate time, and building luxon objects or formatting for it was most of a
 * booking turn's date work.
 */
export interface WallClock {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  /** 1 = Monday … 7 = Sunday, as luxon numbers them. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export function wallClock(instant: Date | number, timezone: string): WallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = ms + timeZone(timezone).offset(ms) * MINUTE;
  const day = Math.floor(local / DAY);
  // 1970-01-01 was a Thursday (4).
  return { day, weekday: ((((day + 3) % 7) + 7) % 7) + 1, minute: Math.floor((local - day * DAY) / MINUTE) };
}
