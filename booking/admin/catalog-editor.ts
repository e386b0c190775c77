import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Locale } from '../../core/locale';
import { WEEKDAYS, type Weekday, type WeeklyHours } from '../availability/weekly-hours';
import type { IntakeField } from '../business-settings';
import { pathText, serviceEntry, weeklyHours } from '../businesses/business-file';
import type { ServiceRow } from '../db/entities/service';
import { InvalidRequest, NotFound, StaleCatalog } from '../errors';
import {
  catalogVersion,
  insertService,
  setOpeningHours,
  setStaffHours,
  takeCatalogVersion,
  updateService,
} from '../repositories/admin/catalog-writer';
import { appendAudit } from '../repositories/audit-log';
import type { ServiceFields } from '../repositories/business-writer';
import type { Catalog, CatalogRepository } from '../repositories/catalog';
import { inTransaction, poolSql, type Sql } from '../repositories/sql';
import type { AdminActor } from './front-desk';

/** Hours as the business file writes them: `{ mon: ["08:00-17:00"] }`. */
export type FileHours = Partial<Record<Weekday, string[]>>;

export interface ServiceView {
  id: string;
  key: string;
  names: Partial<Record<Locale, string>>;
  synonyms: Partial<Record<Locale, string[]>>;
  durationMinutes: number;
  bufferMinutes: number;
  /** In the currency's units, as the file writes it (49.9); null when not priced. */
  price: number | null;
  active: boolean;
}

export interface CatalogView {
  version: number;
  locale: Locale;
  locales: Locale[];
  timezone: string;
  /** What the business asks of a customer besides the time (the walk-in form asks the same). */
  intakeFields: IntakeField[];
  services: ServiceView[];
  hours: FileHours;
  staff: { id: string; key: string; name: string; active: boolean; hours: FileHours; serviceIds: string[] }[];
}

/** A service as the page sends it: the business file's fields, without the key once it exists. */
export type ServiceInput = z.input<typeof serviceEntry>;

const serviceChange = serviceEntry.omit({ key: true });

/**
 * The business's services and weekly hours, edited from the page under the business file's own
 * rules (the same messages, with the field's place) and a version: an edit made from an older
 * version is refused with the catalog as it is now. Each edit is audit-logged with what it was.
 */
export class CatalogEditor {
  private readonly sql: Sql;

  constructor(
    private readonly db: DataSource,
    private readonly catalogs: CatalogRepository,
  ) {
    this.sql = poolSql(db);
  }

  async view(businessId: string): Promise<CatalogView> {
    const version = await catalogVersion(this.sql, businessId);
    return viewOf(await this.catalogs.reload(businessId), version);
  }

  updateService(admin: AdminActor, serviceId: string, input: Omit<ServiceInput, 'key'>, version: number) {
    const change = checked(serviceChange, input, 'body');
    return this.edit(admin, version, 'catalog.service_changed', async (tx, catalog) => {
      const before = catalog.services.find((s) => s.id === serviceId);
      if (!before) throw new NotFound('service', serviceId);
      requireNameIn(catalog, change.names);
      await updateService(tx, admin.businessId, serviceId, fieldsOf({ ...change, key: before.key }, before));
      return { target: serviceId, before: { ...serviceView(before) }, after: change };
    });
  }

  addService(admin: AdminActor, input: ServiceInput, version: number) {
    const service = checked(serviceEntry, input, 'body');
    return this.edit(admin, version, 'catalog.service_added', async (tx, catalog) => {
      requireNameIn(catalog, service.names);
      const id = await insertService(tx, admin.businessId, fieldsOf(service));
      if (!id) throw new InvalidRequest(`a service with key "${service.key}" exists`, 'body.key');
      return { target: id, after: service };
    });
  }

  setHours(admin: AdminActor, hours: FileHours, version: number) {
    const parsed = checked(weeklyHours, hours, 'body.hours');
    return this.edit(admin, version, 'catalog.hours_changed', async (tx, catalog) => {
      await setOpeningHours(tx, admin.businessId, parsed);
      return { target: null, before: fileHours(catalog.business.settings.openingHours), after: hours };
    });
  }

  setStaffHours(admin: AdminActor, staffId: string, hours: FileHours, version: number) {
    const parsed = checked(weeklyHours, hours, 'body.hours');
    return this.edit(admin, version, 'catalog.staff_hours_changed', async (tx, catalog) => {
      const member = catalog.staff.find((s) => s.id === staffId);
      if (!member || !(await setStaffHours(tx, admin.businessId, staffId, parsed)))
        throw new NotFound('staff', staffId);
      return { target: staffId, before: fileHours(member.weeklyHours), after: hours };
    });
  }

  /** One edit: take the next version (or refuse a stale one), write, audit, then read the catalog afresh. */
  private async edit(
    admin: AdminActor,
    version: number,
    action: string,
    write: (
      tx: Sql,
      catalog: Catalog,
    ) => Promise<{ target: string | null; before?: Record<string, unknown>; after: Record<string, unknown> }>,
  ): Promise<CatalogView> {
    const catalog = await this.catalogs.reload(admin.businessId);
    await inTransaction(this.db, async (tx) => {
      if (!(await takeCatalogVersion(tx, admin.businessId, version))) {
        const current = await this.view(admin.businessId);
        throw new StaleCatalog(version, current.version, current);
      }
      const { target, ...change } = await write(tx, catalog);
      await appendAudit(tx, {
        businessId: admin.businessId,
        actor: { kind: 'admin', userId: admin.userId },
        action,
        target,
        ...change,
        extra: { version },
      });
    });
    return this.view(admin.businessId);
  }
}

function checked<S extends z.ZodType>(schema: S, input: unknown, place: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path = pathText(issue.path);
  throw new InvalidRequest(issue.message, path === '(file)' ? place : `${place}.${path}`);
}

function requireNameIn(catalog: Catalog, names: Partial<Record<Locale, string>>): void {
  const locale = catalog.business.defaultLocale;
  if (!names[locale]) throw new InvalidRequest('expected a name in the business language', `body.names.${locale}`);
}

function fieldsOf(s: z.output<typeof serviceEntry>, before?: ServiceRow): ServiceFields {
  return {
    key: s.key,
    names: s.names,
    synonyms: s.synonyms,
    durationMinutes: s.durationMinutes,
    bufferMinutes: s.bufferMinutes ?? before?.bufferMinutes ?? 0,
    priceCents: s.price === undefined ? null : Math.round(s.price * 100),
    active: s.active,
  };
}

function fileHours(hours: WeeklyHours): FileHours {
  const out: FileHours = {};
  for (const day of WEEKDAYS) if (hours[day]?.length) out[day] = hours[day]!.map((r) => `${r.from}-${r.to}`);
  return out;
}

function serviceView(s: ServiceRow): ServiceView {
  return {
    id: s.id,
    key: s.key,
    names: s.names,
    synonyms: s.synonyms,
    durationMinutes: s.durationMinutes,
    bufferMinutes: s.bufferMinutes,
    price: s.priceCents === null ? null : s.priceCents / 100,
    active: s.active,
  };
}

function viewOf(catalog: Catalog, version: number): CatalogView {
  return {
    version,
    locale: catalog.business.defaultLocale,
    locales: catalog.business.locales,
    timezone: catalog.business.timezone,
    intakeFields: catalog.business.settings.intakeFields,
    services: catalog.services.map(serviceView),
    hours: fileHours(catalog.business.settings.openingHours),
    staff: catalog.staff.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      active: s.active,
      hours: fileHours(s.weeklyHours),
      serviceIds: s.serviceIds,
    })),
  };
}
