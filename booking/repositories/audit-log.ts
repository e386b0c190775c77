import type { Sql } from './sql';

export interface AuditEntry {
  businessId: string | null;
  /** `customer:<id>`, `owner:<phone>`, `admin:<user id>`, `system` (see booking/audit.ts). */
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** An INSERT of all entries from five array parameters, usable alone or inside a larger statement. */
export function auditInsert(first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO audit_log (business_id, actor, action, target, details)
    SELECT * FROM unnest(${p(0)}::uuid[], ${p(1)}::text[], ${p(2)}::text[], ${p(3)}::text[], ${p(4)}::jsonb[])`;
}

export function auditParams(entries: AuditEntry[]): unknown[] {
  return [
    entries.map((e) => e.businessId),
    entries.map((e) => e.actor),
    entries.map((e) => e.action),
    entries.map((e) => e.target),
    entries.map((e) => JSON.stringify(e.details)),
  ];
}

export async function appendAudit(sql: Sql, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await sql.rows(auditInsert(1), auditParams(entries));
}

export interface AuditLine {
  at: Date;
  actor: string;
  /** The admin's email when the actor is an admin of this business. */
  actorEmail: string | null;
  action: string;
  details: Record<string, unknown>;
}

/** What was done to one thing (an appointment, a customer), oldest first. */
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
