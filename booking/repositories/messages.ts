import type { Channel } from '../db/entities/channel-endpoint';
import type { ConversationRow } from '../db/entities/conversation';
import type { CustomerRow } from '../db/entities/customer';
import { type CustomerChange, customerUpdate, customerUpdateParams } from './customers';
import type { Sql } from './sql';

export interface InboundFields {
  businessId: string;
  channel: Channel;
  phone: string;
  fromAddress: string;
  toAddress: string;
  body: string;
  media: { url: string; contentType: string }[];
  providerSid: string;
}

export interface Received {
  customer: CustomerRow;
  /** Null when this MessageSid was stored before: a redelivery. */
  inboundId: string | null;
  conversation: ConversationRow | null;
}

/**
 * The first thing done with any inbound message, in one statement: the customer (created on
 * first contact), the message stored under its unique MessageSid, and the conversation so far.
 */
export async function receiveInbound(sql: Sql, m: InboundFields): Promise<Received> {
  // Most messages come from people we know: the customer is read, and only a stranger is
  // inserted. Two first messages from one stranger can race; the loser's statement sees neither
  // row (the winner committed after its snapshot) and returns nothing, so it runs once more.
  const params = [m.businessId, m.phone, m.channel, m.fromAddress, m.toAddress, m.body, JSON.stringify(m.media), m.providerSid];
  const receive = async () => (await sql.rows<Record<string, any>>(RECEIVE, params))[0];
  const row = (await receive()) ?? (await receive());
  if (!row) throw new Error(`inbound message ${m.providerSid} found no customer to belong to`);
  return {
    customer: { id: row.id, businessId: row.business_id, phone: row.phone, name: row.name, locale: row.locale, optedOutAt: row.opted_out_at, details: row.details, createdAt: row.created_at },
    inboundId: row.inbound_id,
    conversation: row.conversation_id
      ? { id: row.conversation_id, businessId: row.business_id, customerId: row.id, channel: m.channel, state: row.state, lastInboundAt: row.last_inbound_at, expiresAt: row.expires_at, updatedAt: row.updated_at }
      : null,
  };
}

const RECEIVE = `
  WITH known AS (
    SELECT * FROM customer WHERE business_id = $1 AND phone = $2
  ), created AS (
    INSERT INTO customer (business_id, phone) SELECT $1, $2 WHERE NOT EXISTS (SELECT FROM known)
    ON CONFLICT (business_id, phone) DO NOTHING RETURNING *
  ), c AS (
    SELECT * FROM known UNION ALL SELECT * FROM created
  ), m AS (
    INSERT INTO message (business_id, customer_id, direction, channel, from_address, to_address, body, media, provider_sid, status)
    SELECT $1, c.id, 'inbound', $3, $4, $5, $6, $7::jsonb, $8, 'received' FROM c
    ON CONFLICT (provider_sid) WHERE provider_sid IS NOT NULL DO NOTHING RETURNING id
  )
  SELECT c.id, c.business_id, c.phone, c.name, c.locale, c.opted_out_at, c.details, c.created_at,
         (SELECT id FROM m) AS inbound_id,
         v.id AS conversation_id, v.state, v.last_inbound_at, v.expires_at, v.updated_at
    FROM c LEFT JOIN LATERAL (
      -- One row by its unique key. Written as a lookup per customer so that a plan cached while
      -- the table was nearly empty cannot be a scan of every conversation (it was, as a join).
      SELECT * FROM conversation WHERE business_id = $1 AND customer_id = c.id AND channel = $3 LIMIT 1
    ) v ON true`;

/** The reply given to an earlier delivery of this MessageSid; undefined when none was given. */
export async function replyGivenTo(sql: Sql, providerSid: string): Promise<string | undefined> {
  const [row] = await sql.rows<{ body: string }>(
    `SELECT r.body FROM message i JOIN message r ON r.in_reply_to = i.id WHERE i.provider_sid = $1 ORDER BY r.created_at LIMIT 1`,
    [providerSid],
  );
  return row?.body;
}

export interface TurnOutcome {
  businessId: string;
  customerId: string;
  channel: Channel;
  inboundId: string;
  /** The conversation row read when the message arrived; null on a customer's first message here. */
  conversationId: string | null;
  /** Null when nothing is said (opted out, rate limited). */
  reply: { from: string; to: string; body: string } | null;
  state: Record<string, unknown>;
  lastInboundAt: Date;
  expiresAt: Date | null;
  /** What the turn learnt about the customer (name, language, address, opt-out); empty for none. */
  customerChange: CustomerChange;
}

/**
 * The end of a turn, in one statement: the reply (linked to its message), the dialog state and
 * what the turn learnt about the customer. A known conversation is updated by id; only a first
 * one is inserted (with ON CONFLICT, should the same customer's first messages overlap).
 */
export async function saveTurn(sql: Sql, t: TurnOutcome): Promise<void> {
  const params: unknown[] = [
    t.businessId, t.customerId, t.channel, t.inboundId, t.reply?.from ?? null, t.reply?.to ?? null, t.reply?.body ?? null,
    JSON.stringify(t.state), t.lastInboundAt, t.expiresAt,
  ];
  const changesCustomer = Object.keys(t.customerChange).length > 0;
  const customerChange = changesCustomer ? `, customer_change AS (${customerUpdate(params.length + 1)})` : '';
  if (changesCustomer) params.push(...customerUpdateParams(t.customerId, t.customerChange));
  let conversation: string;
  if (t.conversationId) {
    params.push(t.conversationId);
    conversation = `UPDATE conversation SET state = $8::jsonb, last_inbound_at = $9, expires_at = $10, updated_at = now() WHERE id = $${params.length}`;
  } else {
    conversation = `INSERT INTO conversation (business_id, customer_id, channel, state, last_inbound_at, expires_at)
     VALUES ($1, $2, $3, $8::jsonb, $9, $10)
     ON CONFLICT (business_id, customer_id, channel) DO UPDATE
       SET state = EXCLUDED.state, last_inbound_at = EXCLUDED.last_inbound_at, expires_at = EXCLUDED.expires_at, updated_at = now()`;
  }
  await sql.rows(
    `WITH reply AS (
       INSERT INTO message (business_id, customer_id, in_reply_to, direction, channel, from_address, to_address, body, status)
       SELECT $1, $2, $4, 'outbound', $3, $5, $6, $7, 'replied' WHERE $7::text IS NOT NULL
     )${customerChange}
     ${conversation}`,
    params,
  );
}

/** Delivery states only move forward; callbacks arrive in any order (PROTOCOLS.md). */
const STATUS_RANK: Record<string, number> = {
  accepted: 1, scheduled: 1, queued: 2, sending: 3, sent: 4, receiving: 4, received: 5,
  delivered: 6, undelivered: 6, failed: 6, canceled: 6, partially_delivered: 6, read: 7,
};

export async function recordDeliveryStatus(sql: Sql, providerSid: string, status: string, errorCode: number | null): Promise<boolean> {
  const rows = await sql.rows<{ id: string }>(
    `UPDATE message SET status = $2, error_code = COALESCE($3, error_code), updated_at = now()
      WHERE provider_sid = $1 AND COALESCE(($4::jsonb ->> status)::int, 0) <= $5
      RETURNING id`,
    [providerSid, status, errorCode, JSON.stringify(STATUS_RANK), STATUS_RANK[status] ?? 0],
  );
  return rows.length > 0;
}
