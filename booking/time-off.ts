import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type Actor, isAudited } from './actor';
import type { AppointmentRow } from './db/entities/appointment';
import { InvalidRequest, NotFound } from './errors';
import { newReference, referenceLength } from './reference';
import {
  activeOverlapping,
  insertAppointment,
  isReferenceCollision,
  lockStaffRange,
} from './repositories/appointments';
import { appendAudit } from './repositories/audit-log';
import type { CatalogRepository } from './repositories/catalog';
import { EXCLUSION_VIOLATION, inTransaction, sqlState } from './repositories/sql';

export interface TimeOffRequest {
  businessId: string;
  /** Everyone whose time is held: one block row each, all or none. */
  staffIds: string[];
  start: Date;
  end: Date;
  notes?: string;
  actor: Actor;
}

export type TimeOffOutcome =
  | { ok: true; blocks: AppointmentRow[] }
  /** What already holds some of that time (visits, buffers included, or other blocks); nothing was written. */
  | { ok: false; reason: 'taken'; conflicts: AppointmentRow[] };

/**
 * Time off: a block per staff member under the same exclusion constraint as visits, in one
 * transaction. The hour locks of every calendar are taken first (in one key order), so the check
 * for what is already there is exact and can name it; an owner's block never lands silently on a
 * visit. A block gets a reference like a visit, so "unblock K7WM" can name it.
 */
export async function holdTimeOff(
  deps: { db: DataSource; catalogs: CatalogRepository },
  req: TimeOffRequest,
): Promise<TimeOffOutcome> {
  if (!(req.start < req.end)) throw new InvalidRequest('a block must end after it starts');
  if (req.staffIds.length === 0) throw new InvalidRequest('a block needs someone whose time it holds');
  const catalog = await deps.catalogs.byId(req.businessId);
  for (const id of req.staffIds) if (!catalog.staff.some((s) => s.id === id)) throw new NotFound('staff', id);
  const staffIds = [...new Set(req.staffIds)].sort();
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(deps.db, async (tx) => {
        await lockStaffRange(tx, staffIds, req.start, req.end);
        const conflicts = await activeOverlapping(tx, req.businessId, staffIds, req.start, req.end);
        if (conflicts.length > 0) return { ok: false, reason: 'taken', conflicts };
        const blocks: AppointmentRow[] = [];
        for (const staffId of staffIds) {
          const row = {
            id: randomUUID(),
            businessId: req.businessId,
            staffId,
            serviceId: null,
            customerId: null,
            kind: 'block' as const,
            status: 'booked' as const,
            startsAt: req.start,
            endsAt: req.end,
            busyUntil: req.end,
            reference: newReference(referenceLength(attempt)),
            sourceChannel: req.actor.kind === 'admin' ? ('admin' as const) : ('owner' as const),
            notes: req.notes,
          };
          blocks.push(await insertAppointment(tx, row, []));
        }
        if (isAudited(req.actor)) {
          for (const block of blocks) {
            await appendAudit(tx, {
              businessId: req.businessId,
              actor: req.actor,
              action: 'block',
              target: block.id,
              after: auditView(block),
            });
          }
        }
        return { ok: true, blocks };
      });
    } catch (error) {
      // A block can draw a code already in use; and a writer that took no hour lock (none does
      // today) could still beat the check: the constraint refuses it, and the next try names it.
      if ((isReferenceCollision(error) || sqlState(error) === EXCLUSION_VIOLATION) && attempt < 10) continue;
      throw error;
    }
  }
}

/** What the audit log keeps of an appointment before and after a change. */
export function auditView(a: AppointmentRow): Record<string, unknown> {
  return {
    reference: a.reference,
    status: a.status,
    staffId: a.staffId,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    version: a.version,
    ...(a.cancelReason ? { cancelReason: a.cancelReason } : {}),
  };
}
