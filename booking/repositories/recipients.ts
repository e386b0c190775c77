import type { Channel } from '../db/entities/channel-endpoint';
import type { Sql } from './sql';

/** Who a proactive message goes to, and what decides how it may reach them. */
export interface Recipient {
  /** Null for a phone the business has never heard from. */
  customerId: string | null;
  phone: string;
  optedOutAt: Date | null;
  /** The channel they wrote on most recently. */
  lastChannel: Channel | null;
  /** Their last WhatsApp message: WhatsApp's 24-hour window runs from it. */
  whatsappInboundAt: Date | null;
}

const RECIPIENT = `
  SELECT c.id AS "customerId", c.phone, c.opted_out_at AS "optedOutAt",
         (SELECT v.channel FROM conversation v WHERE v.customer_id = c.id ORDER BY v.last_inbound_at DESC NULLS LAST LIMIT 1) AS "lastChannel",
         (SELECT max(v.last_inbound_at) FROM conversation v WHERE v.customer_id = c.id AND v.channel = 'whatsapp') AS "whatsappInboundAt"
    FROM customer c`;

/** A customer of this business; undefined when there is none with this id. */
export async function customerRecipient(
  sql: Sql,
  businessId: string,
  customerId: string,
): Promise<Recipient | undefined> {
  const [row] = await sql.rows<Recipient>(`${RECIPIENT} WHERE c.business_id = $1 AND c.id = $2`, [
    businessId,
    customerId,
  ]);
  return row;
}

/** Any phone (an owner's, say): what the business knows of it, if it ever wrote. */
export async function phoneRecipient(sql: Sql, businessId: string, phone: string): Promise<Recipient> {
  const [row] = await sql.rows<Recipient>(`${RECIPIENT} WHERE c.business_id = $1 AND c.phone = $2`, [
    businessId,
    phone,
  ]);
  return row ?? { customerId: null, phone, optedOutAt: null, lastChannel: null, whatsappInboundAt: null };
}
