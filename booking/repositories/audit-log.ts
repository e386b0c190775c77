import { type Actor, actorLabel } from '../actor';
import type { Sql } from './sql';

/** One action of an owner or admin: who, what, on which row, and the row before and after. */
export interface AuditEntry {
  /** Null only for a sign-in attempt with an address no business has. */
  businessId: string | null;
  /** `anonymous`: a sign-in attempt that did not sign anyone in. */
  actor: Actor | 'anonymous';
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
      entry.actor === 'anonymous' ? 'anonymous' : actorLabel(entry.actor),
      entry.action,
      entry.target,
      JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null, ...entry.extra }),
    ],
  );
}

export interface AuditLine {
  at: Date;
  actor: string;
  /** The admin's email when the actor is an admin of this business. */
  actorEmail: string | null;
  action: string;
  details: Record<string, unknown>;
}

/** What was done to one thing (an appointment, `customer:<id>`), oldest first. */
export async function auditTrail(sql: Sql, businessId: string, target: string): Promise<AuditLine[]> {
  return sql.rows<AuditLine>(
    `SELECT l.created_at AS at, l.actor, u.email AS "actorEmail", l.action, l.details
       FROM audit_log l
       LEFT JOIN admin_user u ON l.actor = 'admin:' || u.id::text AND u.business_id = l.business_id
      WHERE l.target = $2 AND l.business_id = $1
      ORDER BY l.created_at, l.id`,
    [businessId, target],
  );
}
