import type { Locale } from '../../core/locale';
import type { CustomerDetails, CustomerRow } from '../db/entities/customer';
import type { Sql } from './sql';

const COLUMNS = `id, business_id AS "businessId", phone, name, locale, opted_out_at AS "optedOutAt", details, created_at AS "createdAt"`;

/** The customer behind a phone number at a business, created on first contact. */
export async function findOrCreateCustomer(
  sql: Sql,
  businessId: string,
  phone: string,
  defaults: { locale?: Locale | null; name?: string | null } = {},
): Promise<CustomerRow> {
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
