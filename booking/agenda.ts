import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import type { AgendaEntry, DayAgenda, FreeGap } from '../core/day-agenda';
import { timeZone } from '../core/time-zone';
import { freeGaps } from './availability/free-gaps';
import {
  type AgendaRow,
  agendaBetween,
  agendaRow,
  byReference,
  knownReferences,
  nextVisit,
  visitCounts,
} from './repositories/agenda';
import type { Catalog } from './repositories/catalog';
import { undeliveredOwnerNotices } from './repositories/notices';
import { poolSql, type Sql } from './repositories/sql';
import { isActive } from './statuses';

/** A period's visits as the owner counts them. */
export interface Tally {
  /** Every visit not cancelled (done and no-shows included). */
  booked: number;
  completed: number;
  noShows: number;
  /** List prices of the visits neither cancelled nor missed, in cents. */
  revenueCents: number;
}

const REFERENCE_MEMORY_DAYS = 14;

/** The reads behind the owner's commands; `loadDayAgenda` is also the morning digest's. */
export class Agenda {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly clock: Clock,
  ) {
    this.sql = poolSql(db);
  }

  /** The local day that contains `instant`. */
  day(catalog: Catalog, instant: Date): Promise<DayAgenda> {
    return loadDayAgenda(this.sql, catalog, instant, this.clock.now());
  }

  between(businessId: string, from: Date, to: Date): Promise<AgendaRow[]> {
    return agendaBetween(this.sql, businessId, from, to);
  }

  next(businessId: string): Promise<AgendaRow | undefined> {
    return nextVisit(this.sql, businessId, this.clock.now());
  }

  byId(businessId: string, id: string): Promise<AgendaRow | undefined> {
    return agendaRow(this.sql, businessId, id);
  }

  byReference(businessId: string, reference: string): Promise<AgendaRow | undefined> {
    return byReference(this.sql, businessId, reference);
  }

  /** Codes worth suggesting for a mistyped one: active, or changed in the last two weeks. */
  knownReferences(businessId: string): Promise<string[]> {
    const since = new Date(this.clock.now().getTime() - REFERENCE_MEMORY_DAYS * 86_400_000);
    return knownReferences(this.sql, businessId, since);
  }

  /** What was meant to tell this owner of a change in the last day and never reached them. */
  undelivered(businessId: string, ownerPhone: string): Promise<{ body: string; createdAt: Date }[]> {
    const since = new Date(this.clock.now().getTime() - 86_400_000);
    return undeliveredOwnerNotices(this.sql, businessId, ownerPhone, since);
  }

  /** Today and this week (Monday to Sunday), local to the business. */
  async stats(catalog: Catalog): Promise<{ today: Tally; week: Tally }> {
    const now = DateTime.fromJSDate(this.clock.now(), { zone: timeZone(catalog.business.timezone) });
    const day = now.startOf('day');
    const week = now.startOf('week');
    const tally = async (from: DateTime, to: DateTime) =>
      tallyOf(await visitCounts(this.sql, catalog.business.id, from.toJSDate(), to.toJSDate()));
    const [today, thisWeek] = await Promise.all([
      tally(day, day.plus({ days: 1 }).startOf('day')),
      tally(week, week.plus({ weeks: 1 }).startOf('day')),
    ]);
    return { today, week: thisWeek };
  }
}

function tallyOf(counts: Awaited<ReturnType<typeof visitCounts>>): Tally {
  const tally: Tally = { booked: 0, completed: 0, noShows: 0, revenueCents: 0 };
  for (const c of counts) {
    if (c.status === 'cancelled') continue;
    tally.booked += c.visits;
    if (c.status === 'completed') tally.completed += c.visits;
    if (c.status === 'no_show') tally.noShows += c.visits;
    else tally.revenueCents += c.priceCents;
  }
  return tally;
}

/**
 * One local day of a business: its visits and blocks in order (cancelled ones left out), and the
 * free time left in each staff member's hours, from `now` on when the day is today. Gaps too
 * short for the shortest service are left out.
 */
export async function loadDayAgenda(sql: Sql, catalog: Catalog, instant: Date, now: Date): Promise<DayAgenda> {
  const { business } = catalog;
  const day = DateTime.fromJSDate(instant, { zone: timeZone(business.timezone) }).startOf('day');
  const end = day.plus({ days: 1 }).startOf('day');
  const rows = await agendaBetween(sql, business.id, day.toJSDate(), end.toJSDate());
  const staff = catalog.staff.filter((s) => s.active);
  const named = staff.length > 1;
  const shortest = Math.min(...catalog.services.filter((s) => s.active).map((s) => s.durationMinutes));
  const free: FreeGap[] = staff.flatMap((member) =>
    freeGaps({
      day,
      openingHours: business.settings.openingHours,
      staffHours: member.weeklyHours,
      busy: rows
        .filter((r) => r.staffId === member.id && isActive(r.status))
        .map((r) => ({ start: r.startsAt.getTime(), end: r.busyUntil.getTime() })),
      notBefore: now.getTime(),
      minimumMinutes: Number.isFinite(shortest) ? shortest : 15,
    }).map((g) => ({ staff: named ? member.name : null, start: new Date(g.start), end: new Date(g.end) })),
  );
  const entries = rows.map((r) => agendaEntry(catalog, r));
  return { timezone: business.timezone, day: day.toJSDate(), entries, free };
}

/** A visit or block as the owner's texts word it: the address only where the business drives to it. */
export function agendaEntry(catalog: Catalog, row: AgendaRow): AgendaEntry {
  const staff = catalog.staff.filter((s) => s.active);
  const drives = catalog.business.settings.intakeFields.includes('address');
  return {
    kind: row.kind,
    status: row.status,
    start: row.startsAt,
    end: row.endsAt,
    reference: row.reference,
    serviceNames: catalog.services.find((s) => s.id === row.serviceId)?.names ?? {},
    customer: row.customerName ?? row.phone,
    address: drives ? (row.address ?? row.customerDetails?.address ?? null) : null,
    staff: staff.length > 1 ? (staff.find((s) => s.id === row.staffId)?.name ?? null) : null,
  };
}
