import { DateTime } from 'luxon';
import type { Slot } from './slots';
import { timeZone } from '../../core/time-zone';

/**
 * Up to `count` alternatives to a requested time: the same local day first, closest first
 * (earlier wins a tie), then the following days in order. One slot per start time, so a
 * customer is never offered "3:00 PM" twice for two staff members. Takes the slots one day
 * at a time and stops reading once it has enough.
 */
export function nearestSlots(days: Iterable<Slot[]>, requested: Date, timezone: string, count: number): Slot[] {
  const target = requested.getTime();
  const dayEnd = DateTime.fromJSDate(requested, { zone: timeZone(timezone) })
    .endOf('day')
    .toMillis();
  const sameDay: Slot[] = [];
  const later: Slot[] = [];
  const seen = new Set<number>();
  for (const day of days) {
    for (const slot of day) {
      const start = slot.start.getTime();
      if (seen.has(start)) continue;
      seen.add(start);
      (start <= dayEnd ? sameDay : later).push(slot);
    }
    if (later.length >= count) break;
  }
  sameDay.sort(
    (a, b) =>
      Math.abs(a.start.getTime() - target) - Math.abs(b.start.getTime() - target) ||
      a.start.getTime() - b.start.getTime(),
  );
  return [...sameDay, ...later].slice(0, count);
}
