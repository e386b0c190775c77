import { createHash } from 'node:crypto';
import type { Span } from '../availability/slots';
import type { AppointmentRow } from '../db/entities/appointment';
import { ACTIVE_STATUSES, type AppointmentStatus } from '../statuses';
import { type OutboxEntry, outboxInsert, outboxParams } from './outbox';
import { constraintOf, type Sql, sqlState, UNIQUE_VIOLATION } from './sql';

const COLUMNS = `id, business_id AS "businessId", staff_id AS "staffId", service_id AS "serviceId",
  customer_id AS "customerId", kind, status, starts_at AS "startsAt", ends_at AS "endsAt",
  busy_until AS "busyUntil", reference, source_channel AS "sourceChannel", address, notes,
  cancel_reason AS "cancelReason", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

const ACTIVE = `status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** A fresh code that an active appointment of the business already has (the partial unique index refused it). */
export function isReferenceCollision(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'appointment_active_reference';
}

/** What a new appointment or block is made of; the database fills in the rest. */
export type NewAppointment = Omit<
  AppointmentRow,
  'id' | 'cancelReason' | 'version' | 'createdAt' | 'updatedAt' | 'address' | 'notes'
> & {
  address?: string | null;
  notes?: string | null;
};

/**
 * Two transactions inserting overlapping ranges under an exclusion constraint can each wait
 * for the other and deadlock (Postgres checks after inserting the index entry). So a writer
 * first takes a transaction lock on every clock hour of the staff member's calendar its range
 * touches, in ascending order: two overlapping ranges share an hour and take turns, ranges in
 * different hours go side by side, and ordered locking cannot deadlock. The constraint still
 * decides who gets the time.
 */
function hourLocks(keys: number): string {
  return `SELECT count(pg_advisory_xact_lock(key)) FROM (SELECT unnest($${keys}::bigint[]) AS key ORDER BY 1) AS keys`;
}

/** One 64-bit lock key per clock hour of these staff members' calendars that [start, end) touches. */
function hourKeys(staffIds: string[], start: Date, end: Date): string[] {
  const keys: string[] = [];
  for (const staffId of staffIds) {
    for (let hour = Math.floor(start.getTime() / 3_600_000); hour * 3_600_000 < end.getTime(); hour++) {
      keys.push(createHash('sha1').update(`${staffId}:${hour}`).digest().readBigInt64BE(0).toString());
    }
  }
  return keys.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

/** The hour locks of several calendars at once, all in one key order (a block of every staff member). */
export async function lockStaffRange(sql: Sql, staffIds: string[], start: Date, end: Date): Promise<void> {
  await sql.rows(hourLocks(1), [hourKeys(staffIds, start, end)]);
}

/**
 * The appointment and its outbox entries in one statement: atomic on its own (no BEGIN/COMMIT
 * round trips), and the entries exist only if the constraint let the appointment in.
 */
export async function insertAppointment(
  sql: Sql,
  a: NewAppointment & { id: string },
  outbox: OutboxEntry[],
): Promise<AppointmentRow> {
  const [row] = await sql.rows<AppointmentRow>(
    `WITH guard AS (${hourLocks(15)}),
     inserted AS (
       INSERT INTO appointment (staff_id, id, business_id, service_id, customer_id, kind, status, starts_at, ends_at, busy_until, reference, source_channel, address, notes)
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz, $11, $12, $13, $14 FROM guard
       RETURNING ${COLUMNS}
     ), entries AS (${outboxInsert(16)})
     SELECT * FROM inserted`,
    [
      a.staffId,
      a.id,
      a.businessId,
      a.serviceId,
      a.customerId,
      a.kind,
      a.status,
      a.startsAt,
      a.endsAt,
      a.busyUntil,
      a.reference,
      a.sourceChannel,
      a.address ?? null,
      a.notes ?? null,
      hourKeys([a.staffId], a.startsAt, a.busyUntil),
      ...outboxParams(outbox),
    ],
  );
  return row;
}

export async function findAppointment(
  sql: Sql,
  businessId: string,
  id: string,
  lock = false,
): Promise<AppointmentRow | undefined> {
  const [row] = await sql.rows<AppointmentRow>(
    `SELECT ${COLUMNS} FROM appointment WHERE business_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [businessId, id],
  );
  return row;
}

/** A customer's active appointments that have not ended yet, soonest first. */
export async function upcomingForCustomer(
  sql: Sql,
  businessId: string,
  customerId: string,
  now: Date,
): Promise<AppointmentRow[]> {
  return sql.rows<AppointmentRow>(
    `SELECT ${COLUMNS} FROM appointment WHERE business_id = $1 AND customer_id = $2 AND ${ACTIVE} AND ends_at > $3 ORDER BY starts_at`,
    [businessId, customerId, now],
  );
}

/** Active appointments and blocks of these staff members whose held time (buffers included) meets [from, to). */
export async function activeOverlapping(
  sql: Sql,
  businessId: string,
  staffIds: string[],
  from: Date,
  to: Date,
): Promise<AppointmentRow[]> {
  return sql.rows<AppointmentRow>(
    `SELECT ${COLUMNS} FROM appointment
      WHERE business_id = $1 AND staff_id = ANY($2::uuid[]) AND ${ACTIVE} AND tstzrange(starts_at, busy_until, '[)') && tstzrange($3, $4, '[)')
      ORDER BY starts_at, reference`,
    [businessId, staffIds, from, to],
  );
}

/** Active time held per staff member in [from, to), buffers included; optionally ignoring one appointment. */
export async function busySpans(
  sql: Sql,
  staffIds: string[],
  from: Date,
  to: Date,
  ignoreId?: string,
): Promise<Map<string, Span[]>> {
  const rows = await sql.rows<{ staffId: string; start: Date; end: Date }>(
    `SELECT staff_id AS "staffId", starts_at AS start, busy_until AS "end" FROM appointment
      WHERE staff_id = ANY($1::uuid[]) AND ${ACTIVE} AND tstzrange(starts_at, busy_until, '[)') && tstzrange($2, $3, '[)')
        AND id IS DISTINCT FROM $4::uuid
      ORDER BY starts_at`,
    [staffIds, from, to, ignoreId ?? null],
  );
  const spans = new Map<string, Span[]>(staffIds.map((id) => [id, []]));
  for (const r of rows) spans.get(r.staffId)!.push({ start: r.start.getTime(), end: r.end.getTime() });
  return spans;
}

/** `at` is the service's clock: "cancelled yesterday" is told by the same clock as everything else. */
export async function updateTimes(
  sql: Sql,
  id: string,
  change: { staffId: string; startsAt: Date; endsAt: Date; busyUntil: Date },
  at: Date,
): Promise<AppointmentRow> {
  const [row] = await sql.rows<AppointmentRow>(
    `UPDATE appointment SET staff_id = $2, starts_at = $3, ends_at = $4, busy_until = $5, version = version + 1, updated_at = $6
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, change.staffId, change.startsAt, change.endsAt, change.busyUntil, at],
  );
  return row;
}

export async function updateStatus(
  sql: Sql,
  id: string,
  change: { status: AppointmentStatus; cancelReason: string | null },
  at: Date,
): Promise<AppointmentRow> {
  const [row] = await sql.rows<AppointmentRow>(
    `UPDATE appointment SET status = $2, cancel_reason = COALESCE($3, cancel_reason), version = version + 1, updated_at = $4
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, change.status, change.cancelReason, at],
  );
  return row;
}
