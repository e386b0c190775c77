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

/** One statement for all of a change's entries, inside the change's own transaction; returns their ids. */
export async function appendOutbox(sql: Sql, entries: OutboxEntry[]): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = await sql.rows<{ id: string }>(`${outboxInsert(1)} RETURNING id::text AS id`, outboxParams(entries));
  return rows.map((r) => r.id);
}
