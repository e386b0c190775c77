import type { DataSource } from 'typeorm';
import { statsRows } from '../repositories/admin/agenda';
import type { CatalogRepository } from '../repositories/catalog';
import { poolSql, type Sql } from '../repositories/sql';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../statuses';
import { localDays } from './local-days';

export interface Stats {
  from: string;
  to: string;
  /** Every visit starting in the range, whatever became of it. */
  total: number;
  byStatus: Record<AppointmentStatus, number>;
  /** Prices of the visits that are on or done: neither cancelled nor missed. */
  estimatedRevenueCents: number;
  /** Visits on or done, per local day. */
  perDay: { date: string; visits: number }[];
  /** The local hours with the most visits on or done, busiest first (at most three). */
  busiestHours: { hour: number; visits: number }[];
}

const NOT_HAPPENING: readonly AppointmentStatus[] = ['cancelled', 'no_show'];

export class AgendaStats {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly catalogs: CatalogRepository,
  ) {
    this.sql = poolSql(db);
  }

  async of(businessId: string, range: { from: string; to?: string }): Promise<Stats> {
    const { timezone } = (await this.catalogs.byId(businessId)).business;
    const days = localDays(timezone, range, 62);
    const rows = await statsRows(this.sql, businessId, days.from, days.to, timezone);
    const byStatus = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as Record<AppointmentStatus, number>;
    const perDay = new Map(days.dates.map((d) => [d, 0]));
    const perHour = new Map<number, number>();
    let estimatedRevenueCents = 0;
    for (const row of rows) {
      byStatus[row.status] += row.visits;
      if (NOT_HAPPENING.includes(row.status)) continue;
      estimatedRevenueCents += row.priceCents;
      perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.visits);
      perHour.set(row.hour, (perHour.get(row.hour) ?? 0) + row.visits);
    }
    return {
      from: days.dates[0],
      to: days.dates[days.dates.length - 1],
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      estimatedRevenueCents,
      perDay: [...perDay].map(([date, visits]) => ({ date, visits })),
      busiestHours: [...perHour]
        .map(([hour, visits]) => ({ hour, visits }))
        .sort((a, b) => b.visits - a.visits || a.hour - b.hour)
        .slice(0, 3),
    };
  }
}
