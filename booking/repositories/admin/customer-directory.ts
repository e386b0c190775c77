import type { Channel } from '../../db/entities/channel-endpoint';
import type { CustomerDetails, CustomerRow } from '../../db/entities/customer';
import type { Sql } from '../sql';

const COLUMNS = `c.id, c.business_id AS "businessId", c.phone, c.name, c.locale, c.opted_out_at AS "optedOutAt",
  c.details, c.created_at AS "createdAt"`;

export interface CustomerSummary extends CustomerRow {
  lastMessageAt: Date | null;
}

/**
 * Customers whose name holds `text` (any case) or whose phone holds its digits (three or more);
 * with no text, those who wrote most recently.
 */
export async function searchCustomers(
  sql: Sql,
  businessId: string,
  text: string,
  limit: number,
): Promise<CustomerSummary[]> {
  const digits = text.replace(/\D/g, '');
  const pattern = `%${text.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return sql.rows<CustomerSummary>(
    `SELECT ${COLUMNS}, (SELECT max(m.created_at) FROM message m WHERE m.customer_id = c.id) AS "lastMessageAt"
       FROM customer c
      WHERE c.business_id = $1
        AND ($2 = '' OR c.name ILIKE $3 OR (length($4) >= 3 AND c.phone LIKE '%' || $4 || '%'))
      ORDER BY "lastMessageAt" DESC NULLS LAST, c.created_at DESC
      LIMIT $5`,
    [businessId, text.trim(), pattern, digits, limit],
  );
}

export async function customerById(sql: Sql, businessId: string, id: string): Promise<CustomerRow | undefined> {
  const [row] = await sql.rows<CustomerRow>(
    `SELECT ${COLUMNS} FROM customer c WHERE c.business_id = $1 AND c.id = $2`,
    [businessId, id],
  );
  return row;
}

export interface CustomerChannel {
  channel: Channel;
  lastInboundAt: Date | null;
}

/** The channels a customer has written on, most recent first (WhatsApp's window runs from it). */
export async function customerChannels(sql: Sql, customerId: string): Promise<CustomerChannel[]> {
  return sql.rows<CustomerChannel>(
    `SELECT channel, last_inbound_at AS "lastInboundAt" FROM conversation WHERE customer_id = $1
      ORDER BY last_inbound_at DESC NULLS LAST`,
    [customerId],
  );
}

/**
 * The customer with this phone at the business, created if new. A name given fills an empty one
 * (the name the customer gave us stays); details given (address, vehicle) replace those known.
 */
export async function customerForWalkIn(
  sql: Sql,
  businessId: string,
  walkIn: { phone: string; name: string | null; details: CustomerDetails },
): Promise<CustomerRow> {
  const [row] = await sql.rows<CustomerRow>(
    `INSERT INTO customer AS c (business_id, phone, name, details) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (business_id, phone) DO UPDATE SET name = COALESCE(c.name, EXCLUDED.name), details = c.details || EXCLUDED.details
     RETURNING ${COLUMNS}`,
    [businessId, walkIn.phone, walkIn.name, JSON.stringify(walkIn.details)],
  );
  return row;
}
