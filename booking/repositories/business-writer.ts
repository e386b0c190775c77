import type { WeeklyHours } from '../availability/weekly-hours';
import type { BusinessRow } from '../db/entities/business';
import type { ServiceRow } from '../db/entities/service';
import type { Sql } from './sql';

/**
 * Upserts that leave an unchanged row untouched (`IS DISTINCT FROM`), so loading the same file
 * twice writes nothing. Each returns how many rows it really changed.
 */

export type BusinessFields = Omit<BusinessRow, 'id' | 'createdAt' | 'updatedAt'>;

async function count(sql: Sql, text: string, params: unknown[]): Promise<number> {
  return (await sql.rows(text, params)).length;
}

export async function upsertBusiness(sql: Sql, b: BusinessFields): Promise<{ id: string; changed: number }> {
  const changed = await sql.rows<{ id: string }>(
    `INSERT INTO business (slug, name, timezone, default_locale, locales, owner_phones, settings, whatsapp_templates)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, timezone = EXCLUDED.timezone, default_locale = EXCLUDED.default_locale,
       locales = EXCLUDED.locales, owner_phones = EXCLUDED.owner_phones, settings = EXCLUDED.settings,
       whatsapp_templates = EXCLUDED.whatsapp_templates, updated_at = now()
     WHERE (business.name, business.timezone, business.default_locale, business.locales, business.owner_phones, business.settings, business.whatsapp_templates)
       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.timezone, EXCLUDED.default_locale, EXCLUDED.locales, EXCLUDED.owner_phones, EXCLUDED.settings, EXCLUDED.whatsapp_templates)
     RETURNING id`,
    [
      b.slug,
      b.name,
      b.timezone,
      b.defaultLocale,
      b.locales,
      b.ownerPhones,
      JSON.stringify(b.settings),
      JSON.stringify(b.whatsappTemplates),
    ],
  );
  if (changed.length) return { id: changed[0].id, changed: 1 };
  const [row] = await sql.rows<{ id: string }>('SELECT id FROM business WHERE slug = $1', [b.slug]);
  return { id: row.id, changed: 0 };
}

/** The business that already owns an address, when it is not this one. */
export async function endpointOwner(sql: Sql, businessId: string, address: string): Promise<string | undefined> {
  const [row] = await sql.rows<{ slug: string }>(
    'SELECT b.slug FROM channel_endpoint e JOIN business b ON b.id = e.business_id WHERE e.address = $1 AND e.business_id <> $2',
    [address, businessId],
  );
  return row?.slug;
}

export async function replaceEndpoints(
  sql: Sql,
  businessId: string,
  endpoints: { channel: string; address: string }[],
): Promise<number> {
  const removed = await count(
    sql,
    'DELETE FROM channel_endpoint WHERE business_id = $1 AND NOT (address = ANY($2::text[])) RETURNING id',
    [businessId, endpoints.map((e) => e.address)],
  );
  let added = 0;
  for (const e of endpoints) {
    added += await count(
      sql,
      `INSERT INTO channel_endpoint (business_id, channel, address) VALUES ($1, $2, $3)
       ON CONFLICT (address) DO UPDATE SET channel = EXCLUDED.channel WHERE channel_endpoint.channel IS DISTINCT FROM EXCLUDED.channel RETURNING id`,
      [businessId, e.channel, e.address],
    );
  }
  return removed + added;
}

export type ServiceFields = Omit<ServiceRow, 'id' | 'businessId' | 'position'>;

/** A service's columns from names to active, as statement parameters (names and synonyms as JSON). */
export function serviceValues(s: Omit<ServiceFields, 'key'>): unknown[] {
  return [
    JSON.stringify(s.names),
    JSON.stringify(s.synonyms),
    s.durationMinutes,
    s.bufferMinutes,
    s.priceCents,
    s.active,
  ];
}

export async function upsertServices(
  sql: Sql,
  businessId: string,
  services: ServiceFields[],
): Promise<{ ids: Map<string, string>; changed: number }> {
  const ids = new Map<string, string>();
  let changed = 0;
  for (const [position, s] of services.entries()) {
    const rows = await sql.rows<{ id: string }>(
      `INSERT INTO service (business_id, key, names, synonyms, duration_minutes, buffer_minutes, price_cents, active, position)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9)
       ON CONFLICT (business_id, key) DO UPDATE SET names = EXCLUDED.names, synonyms = EXCLUDED.synonyms, duration_minutes = EXCLUDED.duration_minutes,
         buffer_minutes = EXCLUDED.buffer_minutes, price_cents = EXCLUDED.price_cents, active = EXCLUDED.active, position = EXCLUDED.position
       WHERE (service.names, service.synonyms, service.duration_minutes, service.buffer_minutes, service.price_cents, service.active, service.position)
         IS DISTINCT FROM (EXCLUDED.names, EXCLUDED.synonyms, EXCLUDED.duration_minutes, EXCLUDED.buffer_minutes, EXCLUDED.price_cents, EXCLUDED.active, EXCLUDED.position)
       RETURNING id`,
      [businessId, s.key, ...serviceValues(s), position],
    );
    changed += rows.length;
  }
  // Services dropped from the file stay for the appointments that name them, but stop being offered.
  changed += await count(
    sql,
    'UPDATE service SET active = false WHERE business_id = $1 AND active AND NOT (key = ANY($2::text[])) RETURNING id',
    [businessId, services.map((s) => s.key)],
  );
  for (const row of await sql.rows<{ id: string; key: string }>('SELECT id, key FROM service WHERE business_id = $1', [
    businessId,
  ]))
    ids.set(row.key, row.id);
  return { ids, changed };
}

export interface StaffFields {
  key: string;
  name: string;
  aliases: string[];
  weeklyHours: WeeklyHours;
  active: boolean;
  serviceKeys: string[];
}

export async function upsertStaff(
  sql: Sql,
  businessId: string,
  staff: StaffFields[],
  serviceIds: Map<string, string>,
): Promise<number> {
  let changed = 0;
  for (const [position, m] of staff.entries()) {
    const changedRows = await sql.rows<{ id: string }>(
      `INSERT INTO staff (business_id, key, name, aliases, weekly_hours, active, position) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (business_id, key) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, weekly_hours = EXCLUDED.weekly_hours,
         active = EXCLUDED.active, position = EXCLUDED.position
       WHERE (staff.name, staff.aliases, staff.weekly_hours, staff.active, staff.position)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.aliases, EXCLUDED.weekly_hours, EXCLUDED.active, EXCLUDED.position)
       RETURNING id`,
      [businessId, m.key, m.name, m.aliases, JSON.stringify(m.weeklyHours), m.active, position],
    );
    changed += changedRows.length;
    const [{ id }] = await sql.rows<{ id: string }>('SELECT id FROM staff WHERE business_id = $1 AND key = $2', [
      businessId,
      m.key,
    ]);
    const wanted = m.serviceKeys.map((k) => serviceIds.get(k)!);
    changed += await count(
      sql,
      'DELETE FROM staff_service WHERE staff_id = $1 AND NOT (service_id = ANY($2::uuid[])) RETURNING staff_id',
      [id, wanted],
    );
    changed += await count(
      sql,
      'INSERT INTO staff_service (staff_id, service_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING staff_id',
      [id, wanted],
    );
  }
  changed += await count(
    sql,
    'UPDATE staff SET active = false WHERE business_id = $1 AND active AND NOT (key = ANY($2::text[])) RETURNING id',
    [businessId, staff.map((s) => s.key)],
  );
  return changed;
}

export async function adminPasswordHash(
  sql: Sql,
  email: string,
): Promise<{ businessId: string; passwordHash: string } | undefined> {
  const [row] = await sql.rows<{ businessId: string; passwordHash: string }>(
    'SELECT business_id AS "businessId", password_hash AS "passwordHash" FROM admin_user WHERE email = $1',
    [email],
  );
  return row;
}

export async function upsertAdmin(
  sql: Sql,
  businessId: string,
  admin: { email: string; role: string; passwordHash?: string },
): Promise<number> {
  return count(
    sql,
    `INSERT INTO admin_user (business_id, email, role, password_hash) VALUES ($1, $2, $3, COALESCE($4, ''))
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, password_hash = COALESCE($4, admin_user.password_hash)
     WHERE admin_user.business_id = EXCLUDED.business_id AND (admin_user.role IS DISTINCT FROM EXCLUDED.role OR $4 IS NOT NULL)
     RETURNING id`,
    [businessId, admin.email, admin.role, admin.passwordHash ?? null],
  );
}
