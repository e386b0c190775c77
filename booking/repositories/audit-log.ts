import { type Actor, actorLabel } from '../actor';
import type { Sql } from './sql';

/** One action of an owner or admin: who, what, on which row, and the row before and after. */
export interface AuditEntry {
  businessId: string;
  actor: Actor;
  /** `status:completed`, `reschedule`, `block`, `relay`… */
  action: string;
  /** The appointment's id, or `customer:<id>` for a message to a customer. */
  target: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Anything else worth keeping (a reason, a reference). */
  extra?: Record<string, unknown>;
}

/** Written inside the change's own transaction, so the log and the change commit together. */
export async function appendAudit(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql.rows(
    `INSERT INTO audit_log (business_id, actor, action, target, details) VALUES ($1, $2, $3, $4, $5::jsonb)`,
    [
      entry.businessId,
      actorLabel(entry.actor),
      entry.action,
      entry.target,
      JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null, ...entry.extra }),
    ],
  );
}
