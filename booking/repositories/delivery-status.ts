import { optOutRecipient } from './outbound-messages';
import type { Sql } from './sql';

/**
 * Delivery statuses of outbound messages: the sender stores the SID Twilio gave (`markSent`) and
 * Twilio's status callbacks report what became of it (`recordStatusCallback`), in either order.
 * A report for a SID not stored yet is kept and applied when it is. Both are one call to a
 * function of migration 0005, which locks the SID first so that neither misses the other.
 */

/** Delivery states only move forward; Twilio's status callbacks arrive in any order. */
const STATUS_RANK: Record<string, number> = {
  accepted: 1,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  receiving: 4,
  received: 5,
  delivered: 6,
  undelivered: 6,
  failed: 6,
  canceled: 6,
  partially_delivered: 6,
  read: 7,
};
const RANKS = JSON.stringify(STATUS_RANK);

/** Twilio's code for a recipient who texted STOP: nothing more may go to them until START. */
export const RECIPIENT_OPTED_OUT = 21610;

export interface StatusCallback {
  providerSid: string;
  status: string;
  errorCode: number | null;
}

/**
 * `applied` to the message; `ignored` as older than what its message records; `kept` for a SID
 * no message has yet, until the sender stores it.
 */
export type CallbackOutcome = 'applied' | 'ignored' | 'kept';

/**
 * A status recorded on a message that says its recipient opted out (21610) opts them out, as a
 * refused send does: whether it came by callback or was kept until the SID was stored.
 */
async function optOutIfRefused(
  sql: Sql,
  recorded: { errorCode: number | null; business: string; recipient: string } | undefined,
  now: Date,
): Promise<void> {
  if (recorded?.errorCode === RECIPIENT_OPTED_OUT)
    await optOutRecipient(sql, recorded.business, recorded.recipient, now);
}

export async function recordStatusCallback(sql: Sql, callback: StatusCallback, now: Date): Promise<CallbackOutcome> {
  const [row] = await sql.rows<{ outcome: CallbackOutcome; business: string; recipient: string }>(
    `SELECT outcome, business, recipient FROM record_delivery_status($1, $2, $3, $4::jsonb)`,
    [callback.providerSid, callback.status, callback.errorCode, RANKS],
  );
  if (row.outcome === 'applied') await optOutIfRefused(sql, { ...row, errorCode: callback.errorCode }, now);
  return row.outcome;
}

/** sending → sent with the SID, then any report kept for that SID; nothing when the message was not being sent. */
export async function markSent(sql: Sql, id: string, providerSid: string, now: Date): Promise<void> {
  const [row] = await sql.rows<{ errorCode: number | null; business: string; recipient: string }>(
    `SELECT final_error_code AS "errorCode", business, recipient FROM mark_message_sent($1, $2, $3::jsonb)`,
    [id, providerSid, RANKS],
  );
  await optOutIfRefused(sql, row, now);
}
