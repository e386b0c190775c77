import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import { fitsHours, freeSlotsByDay, type Slot } from './availability/slots';
import { nearestSlots } from './availability/nearest';
import type { ServiceRow } from './db/entities/service';
import { busySpans } from './repositories/appointments';
import { type Catalog, type CatalogRepository, type StaffMember, serviceOf, staffFor } from './repositories/catalog';
import { poolSql } from './repositories/sql';
import { timeZone } from '../core/time-zone';

/** outside_hours: the business is closed then; staff_away: open, but nobody able to do it works then. */
export type SlotProblem = 'in_past' | 'too_soon' | 'too_far' | 'outside_hours' | 'staff_away';

export interface SlotSearch {
  businessId: string;
  serviceId: string;
  staffId?: string;
  /** An appointment being moved: its own time does not count as busy. */
  ignoreAppointmentId?: string;
}

const ALTERNATIVES_SEARCH_DAYS = 14;

export class AvailabilityService {
  constructor(private readonly deps: { db: DataSource; catalogs: CatalogRepository; clock: Clock }) {}

  /** The earliest and latest start a customer may book right now. */
  bookingWindow(catalog: Catalog): { earliest: Date; latest: Date } {
    const now = this.deps.clock.now().getTime();
    const { minNoticeMinutes, horizonDays } = catalog.business.settings;
    return { earliest: new Date(now + minNoticeMinutes * 60_000), latest: new Date(now + horizonDays * 86_400_000) };
  }

  /**
   * Of these staff members, the ones whose hours hold a visit starting at `start` (in their
   * order), or why nobody can take it. Only they may be tried: another may be free but off work.
   */
  staffWorkingAt(
    catalog: Catalog,
    service: ServiceRow,
    staff: StaffMember[],
    start: Date,
  ): { ok: true; staff: StaffMember[] } | { ok: false; reason: SlotProblem } {
    const problem = this.windowProblem(catalog, start);
    if (problem) return { ok: false, reason: problem };
    const hours = hoursQuery(catalog, service);
    const working = staff.filter((s) => fitsHours(hours, s.weeklyHours, start));
    if (working.length > 0) return { ok: true, staff: working };
    return { ok: false, reason: fitsHours(hours, hours.openingHours, start) ? 'staff_away' : 'outside_hours' };
  }

  private windowProblem(catalog: Catalog, start: Date): SlotProblem | null {
    const { earliest, latest } = this.bookingWindow(catalog);
    if (start.getTime() < this.deps.clock.now().getTime()) return 'in_past';
    if (start < earliest) return 'too_soon';
    if (start > latest) return 'too_far';
    return null;
  }

  /** Who can take a visit starting exactly at `start`, or why nobody can. */
  async staffFreeAt(
    search: SlotSearch,
    start: Date,
  ): Promise<{ ok: true; staffId: string } | { ok: false; reason: SlotProblem | 'taken' }> {
    const catalog = await this.deps.catalogs.byId(search.businessId);
    const service = serviceOf(catalog, search.serviceId);
    const working = this.staffWorkingAt(catalog, service, staffFor(catalog, service.id, search.staffId), start);
    if (!working.ok) return working;
    const hold = new Date(start.getTime() + (service.durationMinutes + service.bufferMinutes) * 60_000);
    const busy = await busySpans(
      poolSql(this.deps.db),
      working.staff.map((s) => s.id),
      start,
      hold,
      search.ignoreAppointmentId,
    );
    const free = working.staff.find((s) => (busy.get(s.id) ?? []).length === 0);
    return free ? { ok: true, staffId: free.id } : { ok: false, reason: 'taken' };
  }

  async slots(search: SlotSearch & { from: Date; to: Date }): Promise<Slot[]> {
    return [...(await this.slotsByDay(search))].flat();
  }

  /** Up to `count` free slots nearest to `requested`: same day first, then the days after. */
  async nearest(search: SlotSearch & { requested: Date; count?: number }): Promise<Slot[]> {
    const catalog = await this.deps.catalogs.byId(search.businessId);
    const dayStart = DateTime.fromJSDate(search.requested, { zone: timeZone(catalog.business.timezone) }).startOf(
      'day',
    );
    const days = await this.slotsByDay({
      ...search,
      from: dayStart.toJSDate(),
      to: dayStart.plus({ days: ALTERNATIVES_SEARCH_DAYS }).toJSDate(),
    });
    return nearestSlots(days, search.requested, catalog.business.timezone, search.count ?? 3);
  }

  private async slotsByDay(search: SlotSearch & { from: Date; to: Date }): Promise<Iterable<Slot[]>> {
    const catalog = await this.deps.catalogs.byId(search.businessId);
    const service = serviceOf(catalog, search.serviceId);
    const staff = staffFor(catalog, service.id, search.staffId);
    const { earliest, latest } = this.bookingWindow(catalog);
    const from = new Date(Math.max(search.from.getTime(), earliest.getTime()));
    const to = new Date(Math.min(search.to.getTime(), latest.getTime()));
    if (from >= to || staff.length === 0) return [];
    const busy = await busySpans(
      poolSql(this.deps.db),
      staff.map((s) => s.id),
      from,
      new Date(to.getTime() + 86_400_000),
      search.ignoreAppointmentId,
    );
    return freeSlotsByDay({
      timezone: catalog.business.timezone,
      openingHours: catalog.business.settings.openingHours,
      staff: staff.map((s) => ({ staffId: s.id, hours: s.weeklyHours, busy: busy.get(s.id) ?? [] })),
      durationMinutes: service.durationMinutes,
      bufferMinutes: service.bufferMinutes,
      stepMinutes: catalog.business.settings.slotStepMinutes,
      from,
      to,
    });
  }
}

/** What decides whether hours hold a visit of this service: the business's zone and opening hours. */
function hoursQuery(catalog: Catalog, service: ServiceRow) {
  return {
    timezone: catalog.business.timezone,
    openingHours: catalog.business.settings.openingHours,
    durationMinutes: service.durationMinutes,
  };
}
