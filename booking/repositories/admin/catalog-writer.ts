import type { WeeklyHours } from '../../availability/weekly-hours';
import { type ServiceFields, serviceValues } from '../business-writer';
import type { Sql } from '../sql';

export async function catalogVersion(sql: Sql, businessId: string): Promise<number> {
  const [row] = await sql.rows<{ version: number }>('SELECT catalog_version AS version FROM business WHERE id = $1', [
    businessId,
  ]);
  return row?.version ?? 0;
}

/**
 * Moves the catalog from `expected` to the next version, locking the business row until the
 * transaction ends; false (and nothing locked) when someone else moved it first.
 */
export async function takeCatalogVersion(sql: Sql, businessId: string, expected: number): Promise<boolean> {
  const rows = await sql.rows(
    'UPDATE business SET catalog_version = catalog_version + 1, updated_at = now() WHERE id = $1 AND catalog_version = $2 RETURNING id',
    [businessId, expected],
  );
  return rows.length === 1;
}

/** Changes a service of this business; false when it has no such service. */
export async function updateService(
  sql: Sql,
  businessId: string,
  serviceId: string,
  s: Omit<ServiceFields, 'key'>,
): Promise<boolean> {
  const rows = await sql.rows(
    `UPDATE service SET names = $3::jsonb, synonyms = $4::jsonb, duration_minutes = $5, buffer_minutes = $6, price_cents = $7, active = $8
      WHERE business_id = $1 AND id = $2 RETURNING id`,
    [businessId, serviceId, ...serviceValues(s)],
  );
  return rows.length === 1;
}

/** A new service, listed last and done by every active staff member; null when the key is taken. */
export async function insertService(sql: Sql, businessId: string, s: ServiceFields): Promise<string | null> {
  const [row] = await sql.rows<{ id: string }>(
    `WITH added AS (
       INSERT INTO service (business_id, key, names, synonyms, duration_minutes, buffer_minutes, price_cents, active, position)
       SELECT $1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, COALESCE(max(position) + 1, 0) FROM service WHERE business_id = $1
       ON CONFLICT (business_id, key) DO NOTHING RETURNING id
     ), linked AS (
       INSERT INTO staff_service (staff_id, service_id) SELECT st.id, added.id FROM staff st, added WHERE st.business_id = $1 AND st.active
     )
     SELECT id FROM added`,
    [businessId, s.key, ...serviceValues(s)],
  );
  return row?.id ?? null;
}

export async function setOpeningHours(sql: Sql, businessId: string, hours: WeeklyHours): Promise<void> {
  await sql.rows(`UPDATE business SET settings = jsonb_set(settings, '{openingHours}', $2::jsonb) WHERE id = $1`, [
    businessId,
    JSON.stringify(hours),
  ]);
}

/** False when the business has no such staff member. */
export async function setStaffHours(
  sql: Sql,
  businessId: string,
  staffId: string,
  hours: WeeklyHours,
): Promise<boolean> {
  const rows = await sql.rows(
    'UPDATE staff SET weekly_hours = $3::jsonb WHERE business_id = $1 AND id = $2 RETURNING id',
    [businessId, staffId, JSON.stringify(hours)],
  );
  return rows.length === 1;
}
