import type { DataSource } from 'typeorm';
import { inTransaction, type Sql } from './sql';

export interface PendingOutbox {
  id: string;
  businessId: string;
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * One relay batch in one transaction: the oldest pending rows are claimed, handed to `publish`,
 * and marked done only when it returns. If it throws, the transaction rolls back and the rows
 * stay pending for the next batch. Returns how many rows were claimed.
 */
export function relayPendingOutbox(
  db: DataSource,
  limit: number,
  publish: (rows: PendingOutbox[]) => Promise<void>,
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const rows = await claimPendingOutbox(tx, limit);
    await publish(rows);
    await markOutboxProcessed(
      tx,
      rows.map((r) => r.id),
    );
    return rows.length;
  });
}

/**
 * The oldest unprocessed rows, locked for this transaction. SKIP LOCKED lets several relays run
 * side by side: each takes rows the others are not holding, none waits.
 */
function claimPendingOutbox(tx: Sql, limit: number): Promise<PendingOutbox[]> {
  return tx.rows<PendingOutbox>(
    `SELECT id::text AS id, business_id AS "businessId", topic, payload FROM outbox
      WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

async function markOutboxProcessed(tx: Sql, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.rows(`UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
}
