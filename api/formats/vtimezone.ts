import { DateTime } from 'luxon';
import { timeZone } from '../../core/time-zone';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** One change of a zone's UTC offset: the first instant of the new offset. */
interface Transition {
  at: number;
  from: number;
  to: number;
}

function offsetAt(zone: ReturnType<typeof timeZone>, ts: number): number {
  return zone.offset(ts);
}

/** Every offset change in [from, to), found day by day then to the minute. */
function transitions(timezone: string, from: number, to: number): Transition[] {
  const zone = timeZone(timezone);
  const found: Transition[] = [];
  for (let day = from; day < to; day += DAY) {
    const before = offsetAt(zone, day);
    const after = offsetAt(zone, day + DAY);
    if (before === after) continue;
    let low = day;
    let high = day + DAY;
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (offsetAt(zone, mid) === before) low = mid;
      else high = mid;
    }
    found.push({ at: high, from: before, to: after });
  }
  return found;
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * An instant as iCalendar writes a date-time, shifted by `offset` minutes (a zone's local time):
 * 20261101T020000. Built by hand: luxon's toFormat costs some fifty times more, and a year's
 * feed writes thousands of these.
 */
export function stamp(ts: number, offset = 0): string {
  const d = new Date(ts + offset * MINUTE);
  return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}T${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

/**
 * The VTIMEZONE of an IANA zone over [from, to) (RFC 5545 3.6.5): an observance in force at
 * `from`, then one per offset change, each with its exact local start, offsets and name. Writing
 * out the real changes instead of an RRULE keeps past rule changes (Chile moved its dates several
 * times) exact for every date the feed holds.
 */
export function vtimezone(timezone: string, from: Date, to: Date): string[] {
  const zone = timeZone(timezone);
  const start = Math.floor(from.getTime() / DAY) * DAY;
  const initial = offsetAt(zone, start);
  const observance = (at: number, before: number, after: number) => {
    const local = DateTime.fromMillis(at, { zone });
    return [
      `BEGIN:${local.isInDST ? 'DAYLIGHT' : 'STANDARD'}`,
      `DTSTART:${stamp(at, before)}`,
      `TZOFFSETFROM:${offsetText(before)}`,
      `TZOFFSETTO:${offsetText(after)}`,
      `TZNAME:${local.offsetNameShort ?? offsetText(after)}`,
      `END:${local.isInDST ? 'DAYLIGHT' : 'STANDARD'}`,
    ];
  };
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timezone}`,
    ...observance(start, initial, initial),
    ...transitions(timezone, start, to.getTime()).flatMap((t) => observance(t.at, t.from, t.to)),
    'END:VTIMEZONE',
  ];
}
