import { DateTime } from 'luxon';
import { timeZone } from '../../core/time-zone';
import { InvalidRequest } from '../errors';

/** Local days [from, to] of a business, both included, as the instants they start and end. */
export interface LocalDays {
  from: Date;
  to: Date;
  /** Each date, YYYY-MM-DD. */
  dates: string[];
}

/**
 * The instants of local dates in the business's zone: from the start of `from` to the end of
 * `to` (the same day when absent). A day across a DST change is 23 or 25 hours, as the wall
 * clock has it. `maxDays` keeps one request from asking for years.
 */
export function localDays(
  timezone: string,
  range: { from: string; to?: string },
  maxDays: number,
  field = 'querystring',
): LocalDays {
  const zone = timeZone(timezone);
  const start = DateTime.fromISO(range.from, { zone }).startOf('day');
  const last = DateTime.fromISO(range.to ?? range.from, { zone }).startOf('day');
  if (!start.isValid) throw new InvalidRequest('expected a date like 2026-11-23', `${field}.from`);
  if (!last.isValid) throw new InvalidRequest('expected a date like 2026-11-23', `${field}.to`);
  if (last < start) throw new InvalidRequest('expected a day on or after from', `${field}.to`);
  const dates: string[] = [];
  for (let day = start; day <= last; day = day.plus({ days: 1 }).startOf('day')) {
    if (dates.length >= maxDays) throw new InvalidRequest(`expected at most ${maxDays} days`, `${field}.to`);
    dates.push(day.toISODate()!);
  }
  return { from: start.toJSDate(), to: last.plus({ days: 1 }).startOf('day').toJSDate(), dates };
}

/** Today's date where the business is. */
export function localToday(timezone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timeZone(timezone) }).toISODate()!;
}
