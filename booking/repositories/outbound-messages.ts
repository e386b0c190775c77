import type { Channel } from '../db/entities/channel-endpoint';
import type { Sql } from './sql';

/**
 * Proactive messages (reminders, notices, digests) as message rows: queued → sending → sent
 * (with the provider's SID, `markSent` in delivery-status.ts) → delivered/failed by status
 * callback; or skipped, never sent.
 */

export interface OutboundDraft {
  /** Derived from what the message is about, so composing it twice yields one row. */
  id: string;
  businessId: string;
  customerId: string | null;
  appointmentId: string | null;
  channel: Channel;
  purpose: string;
  from: string;
  to: string;
  body: string;
  /** `skipped` with the reason's error code (e.g. 63016: no WhatsApp window and no template). */
  status: 'queued' | 'skipped';
  errorCode: number | null;
  /** What the sender needs besides the row; kept so the send can be queued again from Postgres. */
  sendOptions: SendOptions;
}

/** A WhatsApp template as Twilio takes it: `contentVariables` is a JSON string. */
export interface StoredTemplate {
  contentSid: string;
  contentVariables: string;
}

export interface SendOptions {
  template?: StoredTemplate;
  /** Sent instead if Twilio says the WhatsApp window is closed (63016). */
  fallback?: StoredTemplate;
  /** For reminders: the visit's start (ISO) the text speaks of. */
  startsAt?: string;
  /** Not to leave before this instant (ISO). */
  notBefore?: string;
}

/** Inserts the row unless it exists; returns the row's current status either way. */
export async function recordOutbound(sql: Sql, d: OutboundDraft): Promise<string> {
  const [row] = await sql.rows<{ status: string }>(
    `WITH ins AS (
       INSERT INTO message (id, business_id, customer_id, appointment_id, direction, channel, purpose, from_address, to_address, body, status, error_code, send_options)
       VALUES ($1, $2, $3, $4, 'outbound', $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO NOTHING RETURNING status
     )
     SELECT status FROM ins UNION ALL SELECT status FROM message WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM ins)`,
    [
      d.id,
      d.businessId,
      d.customerId,
      d.appointmentId,
      d.channel,
      d.purpose,
      d.from,
      d.to,
      d.body,
      d.status,
      d.errorCode,
      JSON.stringify(d.sendOptions),
    ],
  );
  return row.status;
}

/** A message Postgres holds as not yet sent, with what its send job needs. */
export interface UnsentMessage {
  id: string;
  from: string;
  sendOptions: SendOptions;
}

/**
 * Messages queued and not sent, and those left `sending` longer than `staleAfterMs` (a worker
 * stopped mid-request): what the outbound queue should hold. Oldest first, at most `limit`.
 */
export function unsentMessages(sql: Sql, staleAfterMs: number, limit: number): Promise<UnsentMessage[]> {
  return sql.rows<UnsentMessage>(
    `SELECT id, from_address AS "from", coalesce(send_options, '{}') AS "sendOptions" FROM message
      WHERE direction = 'outbound' AND status IN ('queued', 'sending')
        AND (status = 'queued' OR updated_at < now() - make_interval(secs => $1::float8 / 1000))
      ORDER BY created_at LIMIT $2`,
    [staleAfterMs, limit],
  );
}

export interface ClaimedMessage {
  id: string;
  businessId: string;
  channel: Channel;
  from: string;
  to: string;
  body: string;
  /** `sending` to go ahead; `skipped` when the recipient opted out or the visit is no longer due. */
  status: 'sending' | 'skipped';
  /** 21610 on a message skipped because its recipient opted out. */
  errorCode: number | null;
  /** `sending` means an earlier attempt stopped mid-request: Twilio may already have it. */
  previous: 'queued' | 'sending';
}

export interface ClaimOptions {
  now: Date;
  /** A `sending` row younger than this may still be in another worker's hands. */
  staleAfterMs: number;
  /** For reminders: the start the text speaks of; the visit must still be booked at that time. */
  startsAt?: Date;
}

/**
 * Takes a message for sending in one statement, checking at the last moment that the recipient
 * has not opted out and, for a reminder, that the visit is still booked, at that time, ahead.
 * Null when there is nothing to send (done already); 'busy' when another worker holds it.
 */
export async function claimOutbound(sql: Sql, id: string, o: ClaimOptions): Promise<ClaimedMessage | 'busy' | null> {
  const [row] = await sql.rows<ClaimedMessage & { fresh: boolean }>(
    `WITH target AS (
       SELECT m.id, m.status AS previous,
              m.status = 'sending' AND m.updated_at > now() - make_interval(secs => $2::float8 / 1000) AS fresh,
              EXISTS (SELECT 1 FROM customer c WHERE c.business_id = m.business_id
                        AND c.phone = regexp_replace(m.to_address, '^whatsapp:', '') AND c.opted_out_at IS NOT NULL) AS opted_out,
              $3::timestamptz IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM appointment a WHERE a.id = m.appointment_id AND a.status IN ('booked', 'confirmed')
                   AND a.starts_at = $3::timestamptz AND a.starts_at > $4::timestamptz) AS stale
         FROM message m WHERE m.id = $1 AND m.status IN ('queued', 'sending') FOR UPDATE
     )
     UPDATE message m
        SET status = CASE WHEN t.fresh THEN m.status WHEN t.opted_out OR t.stale THEN 'skipped' ELSE 'sending' END,
            error_code = CASE WHEN t.opted_out AND NOT t.fresh THEN 21610 ELSE m.error_code END,
            updated_at = CASE WHEN t.fresh THEN m.updated_at ELSE now() END
       FROM target t WHERE m.id = t.id
     RETURNING m.id, m.business_id AS "businessId", m.channel, m.from_address AS "from", m.to_address AS "to", m.body,
               m.status, m.error_code AS "errorCode", t.previous, t.fresh`,
    [id, o.staleAfterMs, o.startsAt ?? null, o.now],
  );
  if (!row) return null;
  if (row.fresh) return 'busy';
  const { fresh: _fresh, ...claimed } = row;
  return claimed;
}

export async function markFailed(sql: Sql, id: string, errorCode: number | null): Promise<void> {
  await sql.rows(
    `UPDATE message SET status = 'failed', error_code = $2, updated_at = now() WHERE id = $1 AND status = 'sending'`,
    [id, errorCode],
  );
}

/** Back to the queue after a failure worth retrying, so the next attempt is not taken for a crash. */
export async function releaseOutbound(sql: Sql, id: string, errorCode: number | null): Promise<void> {
  await sql.rows(
    `UPDATE message SET status = 'queued', error_code = $2, updated_at = now() WHERE id = $1 AND status = 'sending'`,
    [id, errorCode],
  );
}

/** Twilio refused with 21610: the person texted STOP. Nothing more goes to them until START. */
export async function optOutPhone(sql: Sql, businessId: string, phone: string, at: Date): Promise<void> {
  await sql.rows(
    `UPDATE customer SET opted_out_at = $3 WHERE business_id = $1 AND phone = $2 AND opted_out_at IS NULL`,
    [businessId, phone, at],
  );
}

/** `optOutPhone` for a message's recipient address (a WhatsApp address is the same phone). */
export function optOutRecipient(sql: Sql, businessId: string, toAddress: string, at: Date): Promise<void> {
  return optOutPhone(sql, businessId, toAddress.replace(/^whatsapp:/, ''), at);
}

/** Whether a reminder went to the customer after `since` (a late "yes" then answers it). */
export async function reminderSentSince(
  sql: Sql,
  businessId: string,
  customerId: string,
  since: Date,
): Promise<boolean> {
  const [row] = await sql.rows<{ sent: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM message WHERE business_id = $1 AND customer_id = $2 AND direction = 'outbound' AND purpose = 'reminder' AND created_at > $3) AS sent`,
    [businessId, customerId, since],
  );
  return row.sent;
}
