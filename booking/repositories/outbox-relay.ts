import type { Sql } from './sql';

export interface PendingOutbox {
  id: string;
  businessId: string;
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * The oldest unprocessed rows, locked for this transaction. SKIP LOCKED lets several relays run
 * side by side: each takes rows the others are not holding, none waits.
 */
export async function claimPendingOutbox(tx: Sql, limit: number): Promise<PendingOutbox[]> {
  return tx.rows<PendingOutbox>(
    `SELECT id::text AS id, business_id AS "businessId", topic, payload FROM outbox
      WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markOutboxProcessed(tx: Sql, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.rows(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
}
