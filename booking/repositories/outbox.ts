import type { Sql } from './sql';

export interface OutboxEntry {
  businessId: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** One statement for all of a change's entries, inside the change's own transaction. */
export async function appendOutbox(sql: Sql, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`).join(', ');
  await sql.rows(
    `INSERT INTO outbox (business_id, topic, payload) VALUES ${values}`,
    entries.flatMap((e) => [e.businessId, e.topic, JSON.stringify(e.payload)]),
  );
}
