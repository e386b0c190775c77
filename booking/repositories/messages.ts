import type { Channel } from '../db/entities/channel-endpoint';
import type { CustomerRow } from '../db/entities/customer';
import { customerColumns, customerOf } from './customers';
import { jsonRows } from './json-rows';
import type { Sql } from './sql';
import { CONVERSATION_FREE, INBOUND_RECEIVED, type InboundText, type TurnStart } from './turns';

export interface InboundFields {
  businessId: string;
  channel: Channel;
  phone: string;
  fromAddress: string;
  toAddress: string;
  body: string;
  media: InboundText['media'];
  providerSid: string;
}

export interface Received {
  customer: CustomerRow;
  /** Null when this MessageSid was stored before: a redelivery. */
  inboundId: string | null;
  /**
   * The message's turn when it could start at once: the conversation was idle and this message
   * now holds its turn. Null when it must be claimed (`claimTurn`): another turn is running or
   * other messages wait, and a redelivery never starts one here.
   */
  turn: TurnStart | null;
}

/**
 * The one place the inbound path relaxes durability. The statement that stores inbound messages
 * commits without waiting for its WAL to reach the disk (a setting local to that statement's own
 * transaction, so it never outlives it): the message is committed and seen by every later
 * statement at once, and the turn's save, which waits for its flush and comes before any reply is
 * sent, makes the message durable too (the WAL is flushed in order). Only a crash of Postgres in
 * the milliseconds before that save could lose a message, and never one that was answered.
 * Waiting here would cost every turn a second disk flush (bench/README.md).
 */
const COMMIT_WITHOUT_WAITING_FOR_THE_DISK = `SELECT set_config('synchronous_commit', 'off', true)`;

const INBOUND = jsonRows({
  n: 'int',
  business_id: 'uuid',
  phone: 'text',
  channel: 'text',
  from_address: 'text',
  to_address: 'text',
  body: 'text',
  media: 'jsonb',
  provider_sid: 'text',
});

interface ReceivedRow extends CustomerRow {
  n: number;
  inboundId: string | null;
  conversationId: string | null;
  state: Record<string, unknown> | null;
  expiresAt: Date | null;
  startsTurn: boolean | null;
}

/**
 * The first thing done with inbound messages, in one statement for any number of them: each
 * message's customer (created on first contact), the message stored under its unique MessageSid
 * and queued on its conversation (created on first contact), whose turn it takes when the
 * conversation is idle. At most one message per phone. Returns one entry per message, in order;
 * undefined for a message whose customer its snapshot could not see (see below), which the
 * caller runs again.
 */
export async function receiveInbound(
  sql: Sql,
  messages: InboundFields[],
  turnLeaseMs: number,
): Promise<(Received | undefined)[]> {
  const rows = await sql.rows<ReceivedRow>(RECEIVE, [
    INBOUND.param(
      messages.map((m, i) => ({
        n: i + 1,
        business_id: m.businessId,
        phone: m.phone,
        channel: m.channel,
        from_address: m.fromAddress,
        to_address: m.toAddress,
        body: m.body,
        media: m.media,
        provider_sid: m.providerSid,
      })),
    ),
    turnLeaseMs,
  ]);
  const byPosition = new Map(rows.map((row) => [row.n, row]));
  return messages.map((m, i) => {
    const row = byPosition.get(i + 1);
    if (!row) return undefined;
    const { inboundId, conversationId, state, expiresAt, startsTurn } = row;
    const customer = customerOf(row);
    const turn =
      startsTurn && inboundId && conversationId
        ? {
            conversationId,
            inboundId,
            customer,
            state: state ?? {},
            expiresAt,
            messages: [{ id: inboundId, body: m.body, media: m.media }],
          }
        : null;
    return { customer, inboundId, turn };
  });
}

// Most messages come from people we know: a customer is read, and only strangers are inserted.
// Two first messages from one stranger can race; the loser's statement sees neither row (the
// winner committed after its snapshot) and returns no row for that message. A phone appears at
// most once per call, so each message has one customer row, one message insert and one
// conversation write.
//
// The message joins its conversation's queue (`pending`) in any case, and takes the turn only if
// the conversation was free as this statement's snapshot saw it and nobody took it since (the
// same `turn_until`): then the customer read above is the one the last turn left. A lookup per
// phone by the unique key, so that a plan cached while a table was nearly empty cannot be a scan.
const TAKES_TURN = `seen.free AND v.turn_until IS NOT DISTINCT FROM seen.turn_until`;
const LEASE_END = `now() + make_interval(secs => $2::float8 / 1000)`;
const RETURNED = `v.id, v.customer_id, v.channel, v.state, v.expires_at, v.turn_holder, v.pending`;
const RECEIVE = `
  WITH input AS (
    SELECT i.* FROM (${COMMIT_WITHOUT_WAITING_FOR_THE_DISK}) AS relaxed, ${INBOUND.from('$1', 'i')}
  ), known AS (
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
    ON CONFLICT (provider_sid, business_id) WHERE provider_sid IS NOT NULL DO NOTHING RETURNING id, provider_sid, business_id
  ), seen AS (
    SELECT i.n, s.id, s.turn_until, ${CONVERSATION_FREE('s')} AS free
      FROM input i JOIN c ON c.n = i.n
     CROSS JOIN LATERAL (SELECT * FROM conversation WHERE business_id = i.business_id AND customer_id = c.id AND channel = i.channel) s
  ), queued AS (
    UPDATE conversation v SET
      pending = v.pending || m.id,
      turn_holder = CASE WHEN ${TAKES_TURN} THEN m.id ELSE v.turn_holder END,
      turn_until = CASE WHEN ${TAKES_TURN} THEN ${LEASE_END} ELSE v.turn_until END
      FROM seen JOIN input i ON i.n = seen.n JOIN m ON m.provider_sid = i.provider_sid AND m.business_id = i.business_id
     WHERE v.id = seen.id
    RETURNING ${RETURNED}
  ), started AS (
    INSERT INTO conversation AS v (business_id, customer_id, channel, pending, turn_holder, turn_until)
    SELECT i.business_id, c.id, i.channel, ARRAY[m.id], m.id, ${LEASE_END}
      FROM input i JOIN c ON c.n = i.n JOIN m ON m.provider_sid = i.provider_sid AND m.business_id = i.business_id
     WHERE NOT EXISTS (SELECT FROM seen WHERE seen.n = i.n)
    -- Created after this statement's snapshot, by the customer's message to another process.
    ON CONFLICT (business_id, customer_id, channel) DO UPDATE SET pending = v.pending || EXCLUDED.pending
    RETURNING ${RETURNED}
  ), v AS (
    SELECT * FROM queued UNION ALL SELECT * FROM started
  )
  SELECT c.n, ${customerColumns('c')}, m.id AS "inboundId", v.id AS "conversationId", v.state, v.expires_at AS "expiresAt",
         v.turn_holder = m.id AND v.pending = ARRAY[m.id] AS "startsTurn"
    FROM c JOIN input i ON i.n = c.n
    LEFT JOIN m ON m.provider_sid = i.provider_sid AND m.business_id = i.business_id
    LEFT JOIN v ON v.customer_id = c.id AND v.channel = i.channel`;

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
export async function takeOverRedelivery(
  sql: Sql,
  businessId: string,
  providerSid: string,
  graceMs: number,
): Promise<Redelivery> {
  const [row] = await sql.rows<{ status: string; reply: string | null; taken: string | null; wait_ms: number }>(
    TAKE_OVER,
    [providerSid, graceMs, businessId],
  );
  if (!row) return { kind: 'answered', reply: null };
  if (row.reply !== null) return { kind: 'answered', reply: row.reply };
  if (row.taken) return { kind: 'taken', inboundId: row.taken };
  if (row.status !== INBOUND_RECEIVED) return { kind: 'answered', reply: null };
  return { kind: 'in_hand', retryInMs: Math.max(0, Math.ceil(row.wait_ms)) };
}

const TAKE_OVER = `
  WITH i AS (
    SELECT id, status, updated_at FROM message WHERE provider_sid = $1 AND business_id = $3 AND direction = 'inbound'
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
