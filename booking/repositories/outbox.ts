import { withRequestId } from '../../core/request-context';
import type { Sql } from './sql';

export interface OutboxEntry {
  businessId: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** An INSERT of all entries from three array parameters, usable alone or inside a larger statement. */
export function outboxInsert(first: number): string {
  return `INSERT INTO outbox (business_id, topic, payload) SELECT * FROM unnest($${first}::uuid[], $${first + 1}::text[], $${first + 2}::jsonb[])`;
}

/** The payloads carry the request id they were written under, for the jobs made from them. */
export function outboxParams(entries: OutboxEntry[]): unknown[] {
  return [
    entries.map((e) => e.businessId),
    entries.map((e) => e.topic),
    entries.map((e) => JSON.stringify(withRequestId(e.payload))),
  ];
}

/** One statement for all of a change's entries, inside the change's own transaction. */
export async function appendOutbox(sql: Sql, entries: OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql.rows(outboxInsert(1), outboxParams(entries));
}
