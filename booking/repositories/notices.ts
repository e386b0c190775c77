import type { Locale } from '../../core/locale';
import type { AppointmentKind, SourceChannel } from '../db/entities/appointment';
import type { Channel } from '../db/entities/channel-endpoint';
import type { AppointmentStatus } from '../statuses';
import type { Sql } from './sql';

/** Reads the workers need to tell people about visits: one round trip each, hot at reminder time. */

export interface VisitForMessaging {
  id: string;
  businessId: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  serviceId: string | null;
  reference: string;
  address: string | null;
  sourceChannel: SourceChannel | null;
  version: number;
  /** The reason given when the owner or an admin cancelled it. */
  cancelReason: string | null;
  customerId: string | null;
  phone: string | null;
  customerName: string | null;
  locale: Locale | null;
  /** The customer's last WhatsApp message: WhatsApp's 24-hour window runs from it. */
  whatsappInboundAt: Date | null;
  /** The channel the customer wrote on most recently. */
  lastChannel: Channel | null;
}

export async function visitForMessaging(
  sql: Sql,
  businessId: string,
  appointmentId: string,
): Promise<VisitForMessaging | undefined> {
  const [row] = await sql.rows<VisitForMessaging>(
    `SELECT a.id, a.business_id AS "businessId", a.kind, a.status, a.starts_at AS "startsAt", a.service_id AS "serviceId",
            a.reference, a.address, a.source_channel AS "sourceChannel", a.version, a.cancel_reason AS "cancelReason",
            c.id AS "customerId", c.phone, c.name AS "customerName", c.locale,
            (SELECT max(v.last_inbound_at) FROM conversation v WHERE v.customer_id = c.id AND v.channel = 'whatsapp') AS "whatsappInboundAt",
            (SELECT v.channel FROM conversation v WHERE v.customer_id = c.id ORDER BY v.last_inbound_at DESC NULLS LAST LIMIT 1) AS "lastChannel"
       FROM appointment a LEFT JOIN customer c ON c.id = a.customer_id
      WHERE a.business_id = $1 AND a.id = $2`,
    [businessId, appointmentId],
  );
  return row;
}

export interface DigestSetting {
  businessId: string;
  timezone: string;
  /** "HH:MM" local. */
  digestTime: string;
}

/** Businesses with someone to send a digest to. */
export async function digestSettings(sql: Sql): Promise<DigestSetting[]> {
  return sql.rows<DigestSetting>(
    `SELECT id AS "businessId", timezone, COALESCE(settings->>'digestTime', '07:00') AS "digestTime"
       FROM business WHERE cardinality(owner_phones) > 0 ORDER BY id`,
  );
}

/** Owner notices to this phone that never went (skipped or failed) since `since`, oldest first. */
export async function undeliveredOwnerNotices(
  sql: Sql,
  businessId: string,
  phone: string,
  since: Date,
): Promise<{ body: string; createdAt: Date }[]> {
  return sql.rows(
    `SELECT body, created_at AS "createdAt" FROM message
      WHERE business_id = $1 AND customer_id IS NULL AND created_at >= $3 AND direction = 'outbound'
        AND purpose = 'owner_notice' AND status IN ('skipped', 'failed') AND to_address IN ($2, 'whatsapp:' || $2)
      ORDER BY created_at`,
    [businessId, phone, since],
  );
}
