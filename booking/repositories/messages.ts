import type { Channel } from '../db/entities/channel-endpoint';
import type { ConversationRow } from '../db/entities/conversation';
import type { CustomerRow } from '../db/entities/customer';
import type { CustomerChange } from './customers';
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
 * The first thing done with inbound messages, in one statement for any number of them: each
 * message's customer (created on first contact), the message stored under its unique MessageSid,
 * and the conversation so far. At most one message per phone. Returns one entry per message, in
 * order; undefined for a message whose customer its snapshot could not see (see below), which
 * the caller runs again.
 */
export async function receiveInbound(sql: Sql, messages: InboundFields[]): Promise<(Received | undefined)[]> {
  const column = <K extends keyof InboundFields>(key: K) => messages.map((m) => m[key]);
  const rows = await sql.rows<Record<string, any>>(RECEIVE, [
    column('businessId'),
    column('phone'),
    column('channel'),
    column('fromAddress'),
    column('toAddress'),
    column('body'),
    messages.map((m) => JSON.stringify(m.media)),
    column('providerSid'),
  ]);
  const byPosition = new Map(rows.map((row) => [Number(row.n), row]));
  return messages.map((m, i) => {
    const row = byPosition.get(i + 1);
    if (!row) return undefined;
    return {
      customer: {
        id: row.id,
        businessId: row.business_id,
        phone: row.phone,
        name: row.name,
        locale: row.locale,
        optedOutAt: row.opted_out_at,
        details: row.details,
        createdAt: row.created_at,
      },
      inboundId: row.inbound_id,
      conversation: row.conversation_id
        ? {
            id: row.conversation_id,
            businessId: row.business_id,
            customerId: row.id,
            channel: m.channel,
            state: row.state,
            lastInboundAt: row.last_inbound_at,
            expiresAt: row.expires_at,
            updatedAt: row.updated_at,
          }
        : null,
    };
  });
}

/**
 * An inbound message is `received` when stored. Its turn, once saved, leaves a reply linked to it
 * or, when the turn said nothing (opted out, rate limited), the status `handled`: either marks a
 * message whose turn is done. Until then the delivery that stored it has it in hand, for
 * `graceMs` from `updated_at`; a redelivery after that takes it over (see `takeOverRedelivery`).
 */
const INBOUND_RECEIVED = 'received';
const INBOUND_HANDLED = 'handled';

// Most messages come from people we know: a customer is read, and only strangers are inserted.
// Two first messages from one stranger can race; the loser's statement sees neither row (the
// winner committed after its snapshot) and returns no row for that message. A phone appears at
// most once per call, so each message has exactly one customer row and one message insert.
//
// The commit does not wait for its WAL to reach the disk (set_config, local to this statement's
// transaction): the message is committed and seen by every later statement at once, and the
// turn's save, which does wait and comes before any reply, makes it durable with its own flush.
// Only a crash of Postgres itself in the milliseconds before that could lose a message, one that
// was never answered. Waiting here cost every turn one more disk flush: a third of a millisecond
// on the development machine, more when the disk is busy (bench/README.md).
const RECEIVE = `
  WITH input AS (
    SELECT i.* FROM (SELECT set_config('synchronous_commit', 'off', true)) AS flush_with_the_save,
      unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[]) WITH ORDINALITY
      AS i (business_id, phone, channel, from_address, to_address, body, media, provider_sid, n)
  ), known AS (
    -- A lookup per phone by the unique key, so that a plan cached while the table was nearly
    -- empty cannot be a scan of every customer.
    SELECT i.n, k.* FROM input i CROSS JOIN LATERAL (SELECT * FROM customer WHERE business_id = i.business_id AND phone = i.phone) k
  ), created AS (
    INSERT INTO customer (business_id, phone)
    SELECT business_id, phone FROM input i WHERE NOT EXISTS (SELECT FROM known k WHERE k.n = i.n)
    ON CONFLICT (business_id, phone) DO NOTHING RETURNING *
  ), c AS (
    SELECT * FROM known
    UNION ALL
    SELECT i.n, created.* FROM created JOIN input i ON i.business_id = created.business_id AND i.phone = created.phone
  ), m AS (
    INSERT INTO message (business_id, customer_id, direction, channel, from_address, to_address, body, media, provider_sid, status)
    SELECT i.business_id, c.id, 'inbound', i.channel, i.from_address, i.to_address, i.body, i.media, i.provider_sid, '${INBOUND_RECEIVED}'
      FROM input i JOIN c ON c.n = i.n
    ON CONFLICT (provider_sid) WHERE provider_sid IS NOT NULL DO NOTHING RETURNING id, provider_sid
  )
  SELECT c.n, c.id, c.business_id, c.phone, c.name, c.locale, c.opted_out_at, c.details, c.created_at, m.id AS inbound_id,
         v.id AS conversation_id, v.state, v.last_inbound_at, v.expires_at, v.updated_at
    FROM c JOIN input i ON i.n = c.n
    LEFT JOIN m ON m.provider_sid = i.provider_sid
    LEFT JOIN LATERAL (
      SELECT * FROM conversation WHERE business_id = i.business_id AND customer_id = c.id AND channel = i.channel LIMIT 1
    ) v ON true`;

/** What a redelivered MessageSid should do. */
export type Redelivery =
  /** Its turn was saved: answer as it did (null: it said nothing). */
  | { kind: 'answered'; reply: string | null }
  /** Its turn was never saved and no delivery has it in hand any more: this one runs it. */
  | { kind: 'taken'; inboundId: string }
  /** Another delivery took it in hand less than the grace ago; ask again in `retryInMs`. */
  | { kind: 'in_hand'; retryInMs: number };

/**
 * One statement: the reply given to the message, or its turn taken over. Taking it over stamps
 * `updated_at`; two deliveries that try at once both update the one row, and the second, which
 * waits for the first's commit, then sees a stamp younger than the grace and takes nothing.
 */
export async function takeOverRedelivery(sql: Sql, providerSid: string, graceMs: number): Promise<Redelivery> {
  const [row] = await sql.rows<{ status: string; reply: string | null; taken: string | null; wait_ms: number }>(
    TAKE_OVER,
    [providerSid, graceMs],
  );
  if (!row) return { kind: 'answered', reply: null };
  if (row.reply !== null) return { kind: 'answered', reply: row.reply };
  if (row.taken) return { kind: 'taken', inboundId: row.taken };
  if (row.status !== INBOUND_RECEIVED) return { kind: 'answered', reply: null };
  return { kind: 'in_hand', retryInMs: Math.max(0, Math.ceil(row.wait_ms)) };
}

const TAKE_OVER = `
  WITH i AS (
    SELECT id, status, updated_at FROM message WHERE provider_sid = $1 AND direction = 'inbound'
  ), r AS (
    SELECT body FROM message WHERE in_reply_to = (SELECT id FROM i) ORDER BY created_at LIMIT 1
  ), taken AS (
    UPDATE message m SET updated_at = now() FROM i
     WHERE m.id = i.id AND m.status = '${INBOUND_RECEIVED}' AND m.updated_at <= now() - make_interval(secs => $2::float8 / 1000)
       AND NOT EXISTS (SELECT FROM r)
    RETURNING m.id
  )
  SELECT i.status, (SELECT body FROM r) AS reply, (SELECT id FROM taken) AS taken,
         (extract(epoch FROM i.updated_at - now()) * 1000 + $2::float8)::float8 AS wait_ms
    FROM i`;

/**
 * A delivery that failed before saving its turn lets the message go at once, so that Twilio's
 * retry or fallback, which follows such a failure within moments, runs the turn without waiting.
 */
export async function releaseInbound(sql: Sql, inboundId: string, graceMs: number): Promise<void> {
  await sql.rows(
    `UPDATE message SET updated_at = now() - make_interval(secs => $2::float8 / 1000) WHERE id = $1 AND status = '${INBOUND_RECEIVED}'`,
    [inboundId, graceMs],
  );
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

/** Whether a turn learnt anything about its customer. */
function changesCustomer(turn: TurnOutcome): boolean {
  return Object.keys(turn.customerChange).length > 0;
}

/**
 * The end of turns, in one statement for any number of them: each reply (linked to its message),
 * dialog state and what the turn learnt about the customer. A known conversation is updated by
 * id; only a first one is inserted (with ON CONFLICT, should the same customer's first messages
 * overlap). Two turns of one customer must not share a call: one row would be changed twice.
 */
export async function saveTurns(sql: Sql, turns: TurnOutcome[]): Promise<void> {
  const column = <T>(value: (t: TurnOutcome) => T) => turns.map(value);
  const has = (key: keyof CustomerChange) => column((t) => key in t.customerChange);
  await sql.rows(saveTurnsStatement(turns), [
    column((t) => t.businessId),
    column((t) => t.customerId),
    column((t) => t.channel),
    column((t) => t.inboundId),
    column((t) => t.reply?.from ?? null),
    column((t) => t.reply?.to ?? null),
    column((t) => t.reply?.body ?? null),
    column((t) => JSON.stringify(t.state)),
    column((t) => t.lastInboundAt),
    column((t) => t.expiresAt),
    column((t) => t.conversationId),
    column(changesCustomer),
    has('name'),
    column((t) => t.customerChange.name ?? null),
    has('locale'),
    column((t) => t.customerChange.locale ?? null),
    column((t) => JSON.stringify(t.customerChange.details ?? {})),
    has('optedOutAt'),
    column((t) => t.customerChange.optedOutAt ?? null),
  ]);
}

/**
 * Only the writes some turn of the call needs: each write in the statement costs Postgres its
 * start-up (opening the table and its indexes) even when it changes no row, and most calls
 * neither learn about a customer nor start a conversation.
 */
function saveTurnsStatement(turns: TurnOutcome[]): string {
  const needs = [
    turns.some((t) => t.reply),
    turns.some((t) => !t.reply),
    turns.some(changesCustomer),
    turns.some((t) => t.conversationId),
    turns.some((t) => !t.conversationId),
  ];
  const key = needs.reduce((bits, need, i) => (need ? bits | (1 << i) : bits), 0);
  let text = SAVE_STATEMENTS.get(key);
  if (!text) {
    const writes = [
      SAVE_PARTS.reply,
      SAVE_PARTS.silent,
      SAVE_PARTS.customerChange,
      SAVE_PARTS.knownConversation,
      SAVE_PARTS.newConversation,
    ].filter((_, i) => needs[i]);
    text = `WITH ${[SAVE_PARTS.turns, ...writes].join(', ')} SELECT`;
    SAVE_STATEMENTS.set(key, text);
  }
  return text;
}

/** The statement's text for each combination of writes (32 at most), built once. */
const SAVE_STATEMENTS = new Map<number, string>();

const SAVE_PARTS = {
  turns: `t AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::timestamptz[],
                         $10::timestamptz[], $11::uuid[], $12::boolean[], $13::boolean[], $14::text[], $15::boolean[], $16::text[], $17::jsonb[],
                         $18::boolean[], $19::timestamptz[])
      AS t (business_id, customer_id, channel, inbound_id, reply_from, reply_to, reply_body, state, last_inbound_at,
            expires_at, conversation_id, changes_customer, sets_name, name, sets_locale, locale, details,
            sets_opted_out_at, opted_out_at)
  )`,
  reply: `reply AS (
    INSERT INTO message (business_id, customer_id, in_reply_to, direction, channel, from_address, to_address, body, status)
    SELECT business_id, customer_id, inbound_id, 'outbound', channel, reply_from, reply_to, reply_body, 'replied' FROM t WHERE reply_body IS NOT NULL
  )`,
  // A reply marks its message's turn as done; a turn that says nothing marks the message itself.
  silent: `silent AS (
    UPDATE message m SET status = '${INBOUND_HANDLED}', updated_at = now() FROM t WHERE t.reply_body IS NULL AND m.id = t.inbound_id
  )`,
  customerChange: `customer_change AS (
    UPDATE customer c SET
      name = CASE WHEN t.sets_name THEN t.name ELSE c.name END,
      locale = CASE WHEN t.sets_locale THEN t.locale ELSE c.locale END,
      details = c.details || t.details,
      opted_out_at = CASE WHEN t.sets_opted_out_at THEN t.opted_out_at ELSE c.opted_out_at END
      FROM t WHERE t.changes_customer AND c.id = t.customer_id
  )`,
  knownConversation: `known_conversation AS (
    UPDATE conversation v SET state = t.state, last_inbound_at = t.last_inbound_at, expires_at = t.expires_at, updated_at = now()
      FROM t WHERE v.id = t.conversation_id
  )`,
  newConversation: `new_conversation AS (
    INSERT INTO conversation (business_id, customer_id, channel, state, last_inbound_at, expires_at)
    SELECT business_id, customer_id, channel, state, last_inbound_at, expires_at FROM t WHERE conversation_id IS NULL
    ON CONFLICT (business_id, customer_id, channel) DO UPDATE
      SET state = EXCLUDED.state, last_inbound_at = EXCLUDED.last_inbound_at, expires_at = EXCLUDED.expires_at, updated_at = now()
  )`,
};
