import type { DateTime } from 'luxon';
import { type Span, atMinute } from './slots';
import { intersect, rangesOn, type WeeklyHours, weekdayOf } from './weekly-hours';

export interface GapQuery {
  /** The local day, at its first instant in the business's zone. */
  day: DateTime;
  openingHours: WeeklyHours;
  staffHours: WeeklyHours;
  /** Held time (buffers included) of active visits and blocks. */
  busy: Span[];
  /** Nothing before this counts as free (now, on today's view). */
  notBefore: number;
  /** Shorter gaps are not worth telling: no visit fits them. */
  minimumMinutes: number;
}

/** Working time of one staff member on one day that nothing holds, as instant ranges, in order. */
export function freeGaps(q: GapQuery): Span[] {
  const weekday = weekdayOf(q.day.weekday);
  const busy = [...q.busy].sort((a, b) => a.start - b.start);
  const gaps: Span[] = [];
  for (const range of intersect(rangesOn(q.openingHours, weekday), rangesOn(q.staffHours, weekday))) {
    let cursor = Math.max(atMinute(q.day, range.from), q.notBefore);
    const closes = atMinute(q.day, range.to);
    for (const b of busy) {
      if (b.end <= cursor || b.start >= closes) continue;
      if (b.start > cursor) gaps.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (cursor < closes) gaps.push({ start: cursor, end: closes });
  }
  return gaps.filter((g) => g.end - g.start >= q.minimumMinutes * 60_000);
}
