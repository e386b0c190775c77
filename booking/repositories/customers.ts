import type { Locale } from '../../core/locale';
import type { CustomerDetails, CustomerRow } from '../db/entities/customer';
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

export interface CustomerChange {
  name?: string | null;
  locale?: Locale | null;
  details?: CustomerDetails;
  optedOutAt?: Date | null;
}

/** The UPDATE for a change, with its parameters starting at `$first`, to run inside a larger statement. */
export function customerUpdate(first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `UPDATE customer SET
       name = CASE WHEN ${$(1)}::boolean THEN ${$(2)} ELSE name END,
       locale = CASE WHEN ${$(3)}::boolean THEN ${$(4)} ELSE locale END,
       details = details || ${$(5)}::jsonb,
       opted_out_at = CASE WHEN ${$(6)}::boolean THEN ${$(7)}::timestamptz ELSE opted_out_at END
     WHERE id = ${$(0)}`;
}

export function customerUpdateParams(id: string, change: CustomerChange): unknown[] {
  return [id, 'name' in change, change.name ?? null, 'locale' in change, change.locale ?? null, JSON.stringify(change.details ?? {}), 'optedOutAt' in change, change.optedOutAt ?? null];
}
