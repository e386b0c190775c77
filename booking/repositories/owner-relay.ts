import type { Channel } from '../db/entities/channel-endpoint';
import type { Sql } from './sql';

/** An owner talking to a customer through the bot: the customer's replies go back to them until `openUntil`. */
export interface OwnerRelay {
  ownerPhone: string;
  ownerChannel: Channel;
  appointmentId: string;
  reference: string;
  openUntil: Date;
}

/** Opens or renews the relay: whichever owner phone wrote last about the customer gets the replies. */
export async function openRelay(sql: Sql, businessId: string, customerId: string, relay: OwnerRelay): Promise<void> {
  await sql.rows(
    `INSERT INTO owner_relay (business_id, customer_id, owner_phone, owner_channel, appointment_id, reference, open_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (business_id, customer_id) DO UPDATE SET owner_phone = EXCLUDED.owner_phone, owner_channel = EXCLUDED.owner_channel,
       appointment_id = EXCLUDED.appointment_id, reference = EXCLUDED.reference, open_until = EXCLUDED.open_until`,
    [
      businessId,
      customerId,
      relay.ownerPhone,
      relay.ownerChannel,
      relay.appointmentId,
      relay.reference,
      relay.openUntil,
    ],
  );
}

/** The relay a customer's message goes back through, if one is open at `now`. */
export async function openRelayOf(
  sql: Sql,
  businessId: string,
  customerId: string,
  now: Date,
): Promise<OwnerRelay | undefined> {
  const [row] = await sql.rows<OwnerRelay>(
    `SELECT owner_phone AS "ownerPhone", owner_channel AS "ownerChannel", appointment_id AS "appointmentId", reference,
            open_until AS "openUntil"
       FROM owner_relay WHERE business_id = $1 AND customer_id = $2 AND open_until > $3`,
    [businessId, customerId, now],
  );
  return row;
}
