import type { Locale } from '../../core/locale';
import type { CustomerDetails, CustomerRow } from '../db/entities/customer';
import type { Sql } from './sql';

/** A customer's columns as `CustomerRow`'s fields, from the table or alias `c`. */
export const customerColumns = (c: string) =>
  `${c}.id, ${c}.business_id AS "businessId", ${c}.phone, ${c}.name, ${c}.locale, ${c}.opted_out_at AS "optedOutAt", ${c}.details, ${c}.created_at AS "createdAt"`;

/** The customer's fields of a row that holds others too. */
export function customerOf(row: CustomerRow): CustomerRow {
  const { id, businessId, phone, name, locale, optedOutAt, details, createdAt } = row;
  return { id, businessId, phone, name, locale, optedOutAt, details, createdAt };
}

const COLUMNS = customerColumns('customer');

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
