import type { AppointmentKind } from '../db/entities/appointment';
import type { CustomerDetails } from '../db/entities/customer';
import { ACTIVE_STATUSES, type AppointmentStatus } from '../statuses';
import type { Sql } from './sql';

/** What the owner's commands read: a day's visits and blocks, the next visit, a code, a period's numbers. */

export interface AgendaRow {
  id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  staffId: string;
  serviceId: string | null;
  startsAt: Date;
  endsAt: Date;
  busyUntil: Date;
  reference: string;
  version: number;
  updatedAt: Date;
  address: string | null;
  notes: string | null;
  customerId: string | null;
  customerName: string | null;
  phone: string | null;
  customerDetails: CustomerDetails | null;
}

const ACTIVE = `a.status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

const COLUMNS = `a.id, a.kind, a.status, a.staff_id AS "staffId", a.service_id AS "serviceId", a.starts_at AS "startsAt",
  a.ends_at AS "endsAt", a.busy_until AS "busyUntil", a.reference, a.version, a.updated_at AS "updatedAt", a.address, a.notes,
  c.id AS "customerId", c.name AS "customerName", c.phone, c.details AS "customerDetails"`;

const FROM = `FROM appointment a LEFT JOIN customer c ON c.id = a.customer_id`;

/** Visits and blocks whose time meets [from, to), cancelled ones left out, in order. */
export function agendaBetween(sql: Sql, businessId: string, from: Date, to: Date): Promise<AgendaRow[]> {
  return sql.rows<AgendaRow>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE a.business_id = $1 AND a.status <> 'cancelled' AND a.starts_at < $3 AND a.busy_until > $2
      ORDER BY a.starts_at, a.reference`,
    [businessId, from, to],
  );
}

/** The first visit still to go to: active, not already under way, not over. */
export async function nextVisit(sql: Sql, businessId: string, now: Date): Promise<AgendaRow | undefined> {
  const [row] = await sql.rows<AgendaRow>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE a.business_id = $1 AND a.kind = 'visit' AND ${ACTIVE} AND a.status <> 'in_progress' AND a.ends_at > $2
      ORDER BY a.starts_at, a.reference LIMIT 1`,
    [businessId, now],
  );
  return row;
}

/**
 * The appointment a code names at this business: the active one (codes are unique among those),
 * else the one that carried it last. Never another business's.
 */
export async function byReference(sql: Sql, businessId: string, reference: string): Promise<AgendaRow | undefined> {
  const [row] = await sql.rows<AgendaRow>(
    `SELECT ${COLUMNS} ${FROM} WHERE a.business_id = $1 AND a.reference = $2
      ORDER BY ${ACTIVE} DESC, a.updated_at DESC LIMIT 1`,
    [businessId, reference],
  );
  return row;
}

export async function agendaRow(sql: Sql, businessId: string, id: string): Promise<AgendaRow | undefined> {
  const [row] = await sql.rows<AgendaRow>(`SELECT ${COLUMNS} ${FROM} WHERE a.business_id = $1 AND a.id = $2`, [
    businessId,
    id,
  ]);
  return row;
}

/** Codes an owner may mean: active ones, and those changed since `since`. */
export async function knownReferences(sql: Sql, businessId: string, since: Date): Promise<string[]> {
  const rows = await sql.rows<{ reference: string }>(
    `SELECT DISTINCT a.reference FROM appointment a WHERE a.business_id = $1 AND (${ACTIVE} OR a.updated_at >= $2)`,
    [businessId, since],
  );
  return rows.map((r) => r.reference);
}

export interface StatusCount {
  status: AppointmentStatus;
  visits: number;
  /** The services' list prices, in cents. */
  priceCents: number;
}

/** Visits starting in [from, to) by status, with their services' prices. */
export function visitCounts(sql: Sql, businessId: string, from: Date, to: Date): Promise<StatusCount[]> {
  return sql.rows<StatusCount>(
    `SELECT a.status, count(*)::int AS visits, COALESCE(sum(s.price_cents), 0)::int AS "priceCents"
       FROM appointment a JOIN service s ON s.id = a.service_id
      WHERE a.business_id = $1 AND a.kind = 'visit' AND a.starts_at >= $2 AND a.starts_at < $3
      GROUP BY a.status`,
    [businessId, from, to],
  );
}
