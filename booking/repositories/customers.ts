import type { Locale } from '../../core/locale';
import type { CustomerRow } from '../db/entities/customer';
import type { Sql } from './sql';

const COLUMNS = `id, business_id AS "businessId", phone, name, locale, opted_out_at AS "optedOutAt", details, created_at AS "createdAt"`;

/** The customer behind a phone number at a business, created on first contact. */
export async function findOrCreateCustomer(sql: Sql, businessId: string, phone: string, defaults: { locale?: Locale | null; name?: string | null } = {}): Promise<CustomerRow> {
  const [row] = await sql.rows<CustomerRow>(
    `INSERT INTO customer (business_id, phone, locale, name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (business_id, phone) DO UPDATE SET phone = EXCLUDED.phone
     RETURNING ${COLUMNS}`,
    [businessId, phone, defaults.locale ?? null, defaults.name ?? null],
  );
  return row;
}

export async function findCustomer(sql: Sql, businessId: string, id: string): Promise<CustomerRow | undefined> {
  const [row] = await sql.rows<CustomerRow>(`SELECT ${COLUMNS} FROM customer WHERE business_id = $1 AND id = $2`, [businessId, id]);
  return row;
}

export async function updateCustomer(
  sql: Sql,
  id: string,
  change: { name?: string | null; locale?: Locale | null; details?: Record<string, string>; optedOutAt?: Date | null },
): Promise<void> {
  await sql.rows(
    `UPDATE customer SET
       name = CASE WHEN $2::boolean THEN $3 ELSE name END,
       locale = CASE WHEN $4::boolean THEN $5 ELSE locale END,
       details = details || $6::jsonb,
       opted_out_at = CASE WHEN $7::boolean THEN $8::timestamptz ELSE opted_out_at END
     WHERE id = $1`,
    [id, 'name' in change, change.name ?? null, 'locale' in change, change.locale ?? null, JSON.stringify(change.details ?? {}), 'optedOutAt' in change, change.optedOutAt ?? null],
  );
}
