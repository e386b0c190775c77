import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import { NotFound } from '../errors';
import { agenda } from '../repositories/admin/agenda';
import { ensureFeedToken, feedOwner, feedTokens, putFeedToken } from '../repositories/admin/calendar-feeds';
import { appendAudit } from '../repositories/audit-log';
import type { Catalog, CatalogRepository } from '../repositories/catalog';
import { poolSql, type Sql } from '../repositories/sql';
import type { AdminActor } from './front-desk';
import { type AppointmentView, appointmentViews } from './views';

export interface FeedLink {
  /** Null: the whole business. */
  staffId: string | null;
  name: string;
  token: string;
}

export interface Feed {
  catalog: Catalog;
  /** The staff member the feed is for; null for the whole business. */
  staffName: string | null;
  /** Visits and time off from a year ago on; cancelled ones are left out (a calendar then removes them). */
  events: AppointmentView[];
}

const YEAR_MS = 366 * 86_400_000;
const newToken = () => randomBytes(24).toString('base64url');

/**
 * Calendar feeds behind secret addresses: one for the business and one per staff member, made on
 * first look, replaced on rotation (the old address then finds nothing).
 */
export class CalendarFeeds {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly catalogs: CatalogRepository,
    private readonly clock: Clock,
  ) {
    this.sql = poolSql(db);
  }

  async links(businessId: string): Promise<FeedLink[]> {
    const catalog = await this.catalogs.byId(businessId);
    const owners = [null, ...catalog.staff.filter((s) => s.active).map((s) => s.id)];
    let tokens = await feedTokens(this.sql, businessId);
    if (owners.some((o) => !tokens.some((t) => t.staffId === o))) {
      for (const owner of owners) await ensureFeedToken(this.sql, businessId, owner, newToken());
      tokens = await feedTokens(this.sql, businessId);
    }
    return owners.map((staffId) => ({
      staffId,
      name: staffId ? catalog.staff.find((s) => s.id === staffId)!.name : catalog.business.name,
      token: tokens.find((t) => t.staffId === staffId)!.token,
    }));
  }

  async rotate(admin: AdminActor, staffId: string | null): Promise<FeedLink[]> {
    const catalog = await this.catalogs.byId(admin.businessId);
    if (staffId && !catalog.staff.some((s) => s.id === staffId)) throw new NotFound('staff', staffId);
    await putFeedToken(this.sql, admin.businessId, staffId, newToken());
    await appendAudit(this.sql, {
      businessId: admin.businessId,
      actor: { kind: 'admin', userId: admin.userId },
      action: 'calendar.token_rotated',
      target: staffId,
    });
    return this.links(admin.businessId);
  }

  /** The feed behind a token, or null for a token nobody has (rotated away, or never made). */
  async feed(token: string): Promise<Feed | null> {
    const owner = await feedOwner(this.sql, token);
    if (!owner) return null;
    const catalog = await this.catalogs.byId(owner.businessId);
    const rows = await agenda(this.sql, {
      businessId: owner.businessId,
      from: new Date(this.clock.now().getTime() - YEAR_MS),
      to: null,
      staffId: owner.staffId ?? undefined,
      statuses: ['pending_approval', 'booked', 'confirmed', 'in_progress', 'completed', 'no_show'],
    });
    const staffName = owner.staffId ? (catalog.staff.find((s) => s.id === owner.staffId)?.name ?? null) : null;
    return { catalog, staffName, events: appointmentViews(catalog, rows) };
  }
}
