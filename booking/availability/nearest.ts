import { DateTime } from 'luxon';
import type { Slot } from './slots';

/**
 * Up to `count` alternatives to a requested time: the same local day first, closest first
 * (earlier wins a tie), then the following days in order. One slot per start time, so a
 * customer is never offered "3:00 PM" twice for two staff members.
 */
export function nearestSlots(slots: Slot[], requested: Date, timezone: string, count: number): Slot[] {
  const target = requested.getTime();
  const dayEnd = DateTime.fromJSDate(requested, { zone: timezone }).endOf('day').toMillis();
  const dayStart = DateTime.fromJSDate(requested, { zone: timezone }).startOf('day').toMillis();
  const unique = uniqueStarts(slots);
  const sameDay = unique
    .filter((s) => s.start.getTime() >= dayStart && s.start.getTime() <= dayEnd)
    .sort((a, b) => Math.abs(a.start.getTime() - target) - Math.abs(b.start.getTime() - target) || a.start.getTime() - b.start.getTime());
  const later = unique.filter((s) => s.start.getTime() > dayEnd);
  return [...sameDay, ...later].slice(0, count);
}

export function uniqueStarts(slots: Slot[]): Slot[] {
  const seen = new Set<number>();
  return slots.filter((s) => {
    const t = s.start.getTime();
    if (seen.has(t)) return false;
    seen.add(t);
    return true;
  });
}
