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
            a.reference, a.address, a.source_channel AS "sourceChannel", a.version,
            c.id AS "customerId", c.phone, c.name AS "customerName", c.locale,
            (SELECT max(v.last_inbound_at) FROM conversation v WHERE v.customer_id = c.id AND v.channel = 'whatsapp') AS "whatsappInboundAt",
            (SELECT v.channel FROM conversation v WHERE v.customer_id = c.id ORDER BY v.last_inbound_at DESC NULLS LAST LIMIT 1) AS "lastChannel"
       FROM appointment a LEFT JOIN customer c ON c.id = a.customer_id
      WHERE a.business_id = $1 AND a.id = $2`,
    [businessId, appointmentId],
  );
  return row;
}

export interface AgendaLine {
  startsAt: Date;
  serviceId: string;
  reference: string;
  status: AppointmentStatus;
  customerName: string | null;
  phone: string;
}

/** The visits still on for a day, in order: what the owner's morning digest lists. */
export async function dayAgenda(sql: Sql, businessId: string, from: Date, to: Date): Promise<AgendaLine[]> {
  return sql.rows<AgendaLine>(
    `SELECT a.starts_at AS "startsAt", a.service_id AS "serviceId", a.reference, a.status, c.name AS "customerName", c.phone
       FROM appointment a JOIN customer c ON c.id = a.customer_id
      WHERE a.business_id = $1 AND a.kind = 'visit' AND a.starts_at >= $2 AND a.starts_at < $3
        AND a.status IN ('pending_approval', 'booked', 'confirmed', 'in_progress')
      ORDER BY a.starts_at, a.reference`,
    [businessId, from, to],
  );
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

/**
 * When each of these owner phones last wrote to the business on WhatsApp (absent: never):
 * WhatsApp's 24-hour window for owner notices and the digest runs from it, as for customers.
 */
export async function ownersWhatsappInbound(
  sql: Sql,
  businessId: string,
  phones: string[],
): Promise<Map<string, Date>> {
  const rows = await sql.rows<{ phone: string; at: Date }>(
    `SELECT c.phone, max(v.last_inbound_at) AS at
       FROM customer c JOIN conversation v ON v.customer_id = c.id AND v.channel = 'whatsapp'
      WHERE c.business_id = $1 AND c.phone = ANY($2::text[]) AND v.last_inbound_at IS NOT NULL
      GROUP BY c.phone`,
    [businessId, phones],
  );
  return new Map(rows.map((r) => [r.phone, r.at]));
}
