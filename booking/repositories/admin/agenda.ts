import type { AppointmentKind, SourceChannel } from '../../db/entities/appointment';
import type { AppointmentStatus } from '../../statuses';
import type { Sql } from '../sql';

/** An appointment or block as the admin page lists it, with its customer's name and phone. */
export interface AgendaRow {
  id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  reference: string;
  startsAt: Date;
  endsAt: Date;
  busyUntil: Date;
  staffId: string;
  serviceId: string | null;
  customerId: string | null;
  customerName: string | null;
  customerPhone: string | null;
  address: string | null;
  notes: string | null;
  cancelReason: string | null;
  sourceChannel: SourceChannel | null;
  version: number;
  createdAt: Date;
}

const COLUMNS = `a.id, a.kind, a.status, a.reference, a.starts_at AS "startsAt", a.ends_at AS "endsAt",
  a.busy_until AS "busyUntil", a.staff_id AS "staffId", a.service_id AS "serviceId", a.customer_id AS "customerId",
  c.name AS "customerName", c.phone AS "customerPhone", a.address, a.notes, a.cancel_reason AS "cancelReason",
  a.source_channel AS "sourceChannel", a.version, a.created_at AS "createdAt"`;

export interface AgendaQuery {
  businessId: string;
  from: Date;
  /** Null: no end (a calendar feed). */
  to: Date | null;
  statuses?: AppointmentStatus[];
  staffId?: string;
  kind?: AppointmentKind;
  customerId?: string;
}

/** Everything whose time overlaps [from, to), in order; filters left out match all. */
export async function agenda(sql: Sql, q: AgendaQuery): Promise<AgendaRow[]> {
  return sql.rows<AgendaRow>(
    `SELECT ${COLUMNS} FROM appointment a LEFT JOIN customer c ON c.id = a.customer_id
      WHERE a.business_id = $1 AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange($2, $3, '[)')
        AND ($4::text[] IS NULL OR a.status = ANY($4::text[]))
        AND ($5::uuid IS NULL OR a.staff_id = $5::uuid)
        AND ($6::text IS NULL OR a.kind = $6::text)
        AND ($7::uuid IS NULL OR a.customer_id = $7::uuid)
      ORDER BY a.starts_at, a.reference`,
    [q.businessId, q.from, q.to, q.statuses ?? null, q.staffId ?? null, q.kind ?? null, q.customerId ?? null],
  );
}

export async function agendaRow(sql: Sql, businessId: string, id: string): Promise<AgendaRow | undefined> {
  const [row] = await sql.rows<AgendaRow>(
    `SELECT ${COLUMNS} FROM appointment a LEFT JOIN customer c ON c.id = a.customer_id WHERE a.business_id = $1 AND a.id = $2`,
    [businessId, id],
  );
  return row;
}

/** A customer's visits, newest first. */
export async function visitsOf(sql: Sql, businessId: string, customerId: string, limit: number): Promise<AgendaRow[]> {
  return sql.rows<AgendaRow>(
    `SELECT ${COLUMNS} FROM appointment a JOIN customer c ON c.id = a.customer_id
      WHERE a.business_id = $1 AND a.customer_id = $2 AND a.kind = 'visit'
      ORDER BY a.starts_at DESC LIMIT $3`,
    [businessId, customerId, limit],
  );
}

export interface StatsRow {
  /** The local date, YYYY-MM-DD. */
  day: string;
  /** The local hour, 0–23. */
  hour: number;
  status: AppointmentStatus;
  visits: number;
  priceCents: number;
}

/** Visits starting in [from, to) counted per local day, hour and status, with their prices. */
export async function statsRows(
  sql: Sql,
  businessId: string,
  from: Date,
  to: Date,
  timezone: string,
): Promise<StatsRow[]> {
  return sql.rows<StatsRow>(
    `SELECT to_char(a.starts_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day, extract(hour FROM a.starts_at AT TIME ZONE $4)::int AS hour,
            a.status, count(*)::int AS visits, COALESCE(sum(s.price_cents), 0)::int AS "priceCents"
       FROM appointment a JOIN service s ON s.id = a.service_id
      WHERE a.business_id = $1 AND a.kind = 'visit' AND a.starts_at >= $2 AND a.starts_at < $3
      GROUP BY 1, 2, 3`,
    [businessId, from, to, timezone],
  );
}
