import type { Channel } from '../db/entities/channel-endpoint';
import type { CustomerRow } from '../db/entities/customer';
import { type CustomerChange, customerColumns, customerOf } from './customers';
import { jsonRows } from './json-rows';
import type { Sql } from './sql';

/**
 * An inbound message is `received` when stored. Its turn, once saved, leaves a reply linked to it
 * or, when the turn said nothing of its own (opted out, rate limited, read together with another
 * message), the status `handled`: either marks a message whose turn is done. Until then the
 * delivery that stored it has it in hand, for `graceMs` from `updated_at`; a redelivery after that
 * takes it over (see `takeOverRedelivery`).
 */
export const INBOUND_RECEIVED = 'received';
export const INBOUND_HANDLED = 'handled';

/**
 * One conversation, one turn at a time, in any number of processes. Each inbound message joins
 * its conversation's queue (`pending`) when stored; a turn is run by the delivery of one of the
 * queued messages while it holds the conversation's lease (`turn_holder`, until `turn_until`),
 * reads every message queued so far, in arrival order, and its save leaves the lease and the
 * queue's rest in the same statement as the new dialog state. So turns apply in arrival order,
 * each sees the state the one before left, and messages that queued up behind a running turn
 * are read together. The lease is bounded: a process that died mid-turn holds its conversation
 * for `turnLeaseMs` at most. A turn is never run twice on purpose: its booking is not undone.
 *
 * A turn starts only on a conversation its statement's snapshot saw free (and nobody took since:
 * taking the lease always moves `turn_until`, a release keeps it), so what that statement reads
 * (the state, the customer, the queued messages) is what the previous turn left.
 */
export const CONVERSATION_FREE = (alias: string) => `(${alias}.turn_holder IS NULL OR ${alias}.turn_until < now())`;

export interface InboundText {
  id: string;
  body: string;
  media: { url: string; contentType: string }[];
}

export interface TurnStart {
  conversationId: string;
  /** The message whose delivery runs the turn (and holds the lease): its reply is linked to it. */
  inboundId: string;
  /** As the previous turn left it. */
  customer: CustomerRow;
  state: Record<string, unknown>;
  expiresAt: Date | null;
  /** The messages this turn reads, in arrival order; at least the one whose delivery runs it. */
  messages: InboundText[];
}

export type TurnClaim =
  | { kind: 'started'; turn: TurnStart }
  /** The message was read by a turn already: answer as its own delivery did (null: nothing). */
  | { kind: 'answered'; reply: string | null }
  /** Another message's turn is running; claim again in `retryInMs` at the latest (0: at once, it just ended). */
  | { kind: 'held'; conversationId: string; retryInMs: number };

interface ClaimRow extends CustomerRow {
  conversationId: string;
  pending: boolean;
  started: boolean;
  retryInMs: number;
  reply: string | null;
  state: Record<string, unknown>;
  expiresAt: Date | null;
  messages: InboundText[];
}

/** Takes the conversation's turn for this stored message, re-entrantly for the message holding it. */
export async function claimTurn(sql: Sql, inboundId: string, turnLeaseMs: number): Promise<TurnClaim> {
  const [row] = await sql.rows<ClaimRow>(CLAIM, [inboundId, turnLeaseMs]);
  if (!row?.pending) return { kind: 'answered', reply: row?.reply ?? null };
  if (!row.started) return { kind: 'held', conversationId: row.conversationId, retryInMs: Math.ceil(row.retryInMs) };
  const { conversationId, state, expiresAt, messages } = row;
  return {
    kind: 'started',
    turn: { conversationId, inboundId, customer: customerOf(row), state, expiresAt, messages },
  };
}

const CLAIM = `
  WITH seen AS (
    SELECT v.* FROM message m JOIN conversation v ON v.business_id = m.business_id AND v.customer_id = m.customer_id AND v.channel = m.channel
     WHERE m.id = $1
  ), taken AS (
    UPDATE conversation v SET turn_holder = $1, turn_until = now() + make_interval(secs => $2::float8 / 1000)
      FROM seen
     WHERE v.id = seen.id AND $1 = ANY (seen.pending) AND (seen.turn_holder = $1 OR ${CONVERSATION_FREE('seen')})
       AND v.turn_until IS NOT DISTINCT FROM seen.turn_until
    RETURNING v.id
  )
  SELECT seen.id AS "conversationId", $1 = ANY (seen.pending) AS pending, EXISTS (SELECT FROM taken) AS started,
         CASE WHEN ${CONVERSATION_FREE('seen')} THEN 0 ELSE extract(epoch FROM seen.turn_until - now()) * 1000 END::float8 AS "retryInMs",
         (SELECT body FROM message WHERE in_reply_to = $1 ORDER BY created_at LIMIT 1) AS reply,
         seen.state, seen.expires_at AS "expiresAt",
         ${customerColumns('c')},
         (SELECT coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'body', m.body, 'media', m.media) ORDER BY p.o), '[]')
            FROM unnest(seen.pending) WITH ORDINALITY AS p (id, o) JOIN message m ON m.id = p.id) AS messages
    FROM seen JOIN customer c ON c.id = seen.customer_id`;

export interface TurnOutcome {
  conversationId: string;
  businessId: string;
  customerId: string;
  channel: Channel;
  /** `TurnStart.inboundId`. */
  inboundId: string;
  /** Every message the turn read (`TurnStart.messages`), its own among them. */
  read: string[];
  /** Null when nothing is said (opted out, rate limited). */
  reply: { from: string; to: string; body: string } | null;
  state: Record<string, unknown>;
  lastInboundAt: Date;
  expiresAt: Date | null;
  /** What the turn learnt about the customer (name, language, address, opt-out); empty for none. */
  customerChange: CustomerChange;
}

const TURN = jsonRows({
  conversation_id: 'uuid',
  business_id: 'uuid',
  customer_id: 'uuid',
  channel: 'text',
  inbound_id: 'uuid',
  read: 'uuid[]',
  reply_from: 'text?',
  reply_to: 'text?',
  reply_body: 'text?',
  state: 'jsonb',
  last_inbound_at: 'timestamptz',
  expires_at: 'timestamptz?',
  customer_change: 'jsonb',
});

/**
 * The end of turns, in one statement for any number of them: each reply (linked to its message),
 * the messages read marked done, what the turn learnt about the customer, and the conversation's
 * new state with its lease let go. Only the turn still holding the lease writes the
 * conversation: one that outlived it (see `turnLeaseMs`) must not overwrite the next turn's
 * state. Two turns of one customer must not share a call: one row would be changed twice.
 */
export async function saveTurns(sql: Sql, turns: TurnOutcome[]): Promise<void> {
  await sql.rows(SAVE, [
    TURN.param(
      turns.map((t) => ({
        conversation_id: t.conversationId,
        business_id: t.businessId,
        customer_id: t.customerId,
        channel: t.channel,
        inbound_id: t.inboundId,
        read: t.read,
        reply_from: t.reply?.from ?? null,
        reply_to: t.reply?.to ?? null,
        reply_body: t.reply?.body ?? null,
        state: t.state,
        last_inbound_at: t.lastInboundAt,
        expires_at: t.expiresAt,
        customer_change: t.customerChange,
      })),
    ),
  ]);
}

// A reply marks the turn of the message it answers as done; any other message the turn read,
// and a message whose turn said nothing, is marked itself. Most turns neither mark a message nor
// change their customer; those writes then change no row.
const SAVE = `
  WITH t AS (
    SELECT * FROM ${TURN.from('$1', 't')}
  ), reply AS (
    INSERT INTO message (business_id, customer_id, in_reply_to, direction, channel, from_address, to_address, body, status)
    SELECT business_id, customer_id, inbound_id, 'outbound', channel, reply_from, reply_to, reply_body, 'replied' FROM t WHERE reply_body IS NOT NULL
  ), handled AS (
    UPDATE message m SET status = '${INBOUND_HANDLED}', updated_at = now()
      FROM t WHERE m.id = ANY (t.read) AND (m.id <> t.inbound_id OR t.reply_body IS NULL)
  ), customer_change AS (
    UPDATE customer c SET
      name = CASE WHEN t.customer_change ? 'name' THEN t.customer_change ->> 'name' ELSE c.name END,
      locale = CASE WHEN t.customer_change ? 'locale' THEN t.customer_change ->> 'locale' ELSE c.locale END,
      details = c.details || coalesce(t.customer_change -> 'details', '{}'),
      opted_out_at = CASE WHEN t.customer_change ? 'optedOutAt' THEN (t.customer_change ->> 'optedOutAt')::timestamptz ELSE c.opted_out_at END
      FROM t WHERE t.customer_change <> '{}' AND c.id = t.customer_id
  )
  UPDATE conversation v SET state = t.state, last_inbound_at = t.last_inbound_at, expires_at = t.expires_at, updated_at = now(),
         pending = ARRAY(SELECT p.id FROM unnest(v.pending) WITH ORDINALITY AS p (id, o) WHERE p.id <> ALL (t.read) ORDER BY p.o),
         turn_holder = NULL
    FROM t WHERE v.id = t.conversation_id AND v.turn_holder = t.inbound_id`;

/**
 * A turn that could not be saved lets its conversation go, and its message be taken over at once
 * by the next delivery (Twilio's retry or fallback, which follows such a failure within moments).
 * The messages it read stay queued for the next turn.
 */
export async function releaseTurn(sql: Sql, turn: { conversationId: string; inboundId: string }, graceMs: number) {
  await sql.rows(
    `WITH turn AS (UPDATE conversation SET turn_holder = NULL WHERE id = $1 AND turn_holder = $2)
     UPDATE message SET updated_at = now() - make_interval(secs => $3::float8 / 1000) WHERE id = $2 AND status = '${INBOUND_RECEIVED}'`,
    [turn.conversationId, turn.inboundId, graceMs],
  );
}
