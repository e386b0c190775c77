import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import { bookingConflicts } from '../core/metrics';
import { type Actor, isAudited } from './actor';
import type { Slot } from './availability/slots';
import type { AvailabilityService, SlotProblem } from './availability-service';
import type { AppointmentRow, SourceChannel } from './db/entities/appointment';
import { InvalidRequest, InvalidTransition, NotFound, StaleVersion } from './errors';
import { outboxFor } from './outbox-effects';
import type { AppointmentEvent } from './outbox-topics';
import { newReference, referenceLength } from './reference';
import {
  findAppointment,
  insertAppointment,
  isReferenceCollision,
  lockStaffRange,
  type NewAppointment,
  updateStatus,
  updateTimes,
  upcomingForCustomer,
} from './repositories/appointments';
import { type CatalogRepository, serviceOf, staffFor } from './repositories/catalog';
import { appendAudit } from './repositories/audit-log';
import { appendOutbox } from './repositories/outbox';
import { EXCLUSION_VIOLATION, inTransaction, poolSql, type Sql, sqlState } from './repositories/sql';
import { type AppointmentStatus, assertTransition, isActive } from './statuses';
import { auditView, holdTimeOff, type TimeOffOutcome, type TimeOffRequest } from './time-off';

export interface BookRequest {
  businessId: string;
  serviceId: string;
  customerId: string;
  start: Date;
  staffId?: string;
  channel: SourceChannel;
  address?: string | null;
  notes?: string | null;
  actor: Actor;
}

export interface RescheduleRequest {
  businessId: string;
  appointmentId: string;
  start: Date;
  staffId?: string;
  expectedVersion?: number;
  actor: Actor;
}

export interface StatusChange {
  businessId: string;
  appointmentId: string;
  to: AppointmentStatus;
  expectedVersion?: number;
  reason?: string;
  actor: Actor;
}

export interface BlockRequest {
  businessId: string;
  staffId: string;
  start: Date;
  end: Date;
  notes?: string;
  actor: Actor;
}

/** A time that could not be had, with the nearest ones that can. */
export interface Unavailable {
  ok: false;
  reason: SlotProblem | 'taken';
  alternatives: Slot[];
}

export type BookingOutcome = { ok: true; appointment: AppointmentRow } | Unavailable;

const MINUTE = 60_000;

/**
 * Booking, cancelling, rescheduling and status changes. Application checks give the good
 * messages; the exclusion constraint decides races. Every change writes its outbox entries in
 * its own transaction, so nobody is left untold.
 */
export class AppointmentService {
  constructor(
    private readonly deps: {
      db: DataSource;
      catalogs: CatalogRepository;
      availability: AvailabilityService;
      clock: Clock;
    },
  ) {}

  async book(req: BookRequest): Promise<BookingOutcome> {
    const catalog = await this.deps.catalogs.byId(req.businessId);
    const service = serviceOf(catalog, req.serviceId);
    const search = { businessId: req.businessId, serviceId: service.id, staffId: req.staffId, requested: req.start };
    const working = this.deps.availability.staffWorkingAt(
      catalog,
      service,
      staffFor(catalog, service.id, req.staffId),
      req.start,
    );
    if (!working.ok)
      return { ok: false, reason: working.reason, alternatives: await this.deps.availability.nearest(search) };

    const endsAt = new Date(req.start.getTime() + service.durationMinutes * MINUTE);
    const busyUntil = new Date(endsAt.getTime() + service.bufferMinutes * MINUTE);
    const pending = catalog.business.settings.requiresApproval && req.actor.kind === 'customer';
    for (const member of working.staff) {
      const row: NewAppointment = {
        businessId: req.businessId,
        staffId: member.id,
        serviceId: service.id,
        customerId: req.customerId,
        kind: 'visit',
        status: pending ? 'pending_approval' : 'booked',
        startsAt: req.start,
        endsAt,
        busyUntil,
        reference: '',
        sourceChannel: req.channel,
        address: req.address,
        notes: req.notes,
      };
      const booked = await this.tryInsert(row, pending ? 'requested' : 'booked', req.actor);
      if (booked) return { ok: true, appointment: booked };
    }
    return { ok: false, reason: 'taken', alternatives: await this.deps.availability.nearest(search) };
  }

  /** A time-off block: holds a staff member's time under the same constraint as visits. */
  async block(req: BlockRequest): Promise<{ ok: true; appointment: AppointmentRow } | { ok: false; reason: 'taken' }> {
    const { staffId, ...rest } = req;
    const outcome = await this.blockStaff({ ...rest, staffIds: [staffId] });
    return outcome.ok ? { ok: true, appointment: outcome.blocks[0] } : { ok: false, reason: 'taken' };
  }

  /** Time off for several staff members at once (a whole business closed), all or none; see time-off.ts. */
  blockStaff(req: TimeOffRequest): Promise<TimeOffOutcome> {
    return holdTimeOff(this.deps, req);
  }

  /**
   * Moves an appointment in one transaction: the new time is taken and the old freed together,
   * or nothing changes. The reference stays, so the customer's code keeps working.
   */
  async reschedule(req: RescheduleRequest): Promise<BookingOutcome> {
    const catalog = await this.deps.catalogs.byId(req.businessId);
    const current = await this.load(req.businessId, req.appointmentId);
    if (current.kind !== 'visit' || !current.serviceId) throw new InvalidRequest('only visits can be rescheduled');
    if (!isActive(current.status) || current.status === 'in_progress')
      throw new InvalidTransition(current.status, 'rescheduled');
    const service = serviceOf(catalog, current.serviceId);
    const search = {
      businessId: req.businessId,
      serviceId: service.id,
      staffId: req.staffId,
      requested: req.start,
      ignoreAppointmentId: current.id,
    };
    const working = this.deps.availability.staffWorkingAt(
      catalog,
      service,
      staffFor(catalog, service.id, req.staffId),
      req.start,
    );
    if (!working.ok)
      return { ok: false, reason: working.reason, alternatives: await this.deps.availability.nearest(search) };
    // Keep the same person when they work then and are free; try the others after.
    const staff = working.staff.sort((a, b) => Number(b.id === current.staffId) - Number(a.id === current.staffId));

    const endsAt = new Date(req.start.getTime() + service.durationMinutes * MINUTE);
    const busyUntil = new Date(endsAt.getTime() + service.bufferMinutes * MINUTE);
    for (const member of staff) {
      try {
        const moved = await inTransaction(this.deps.db, async (tx) => {
          const locked = await this.lockForChange(
            tx,
            req.businessId,
            req.appointmentId,
            req.expectedVersion ?? current.version,
          );
          if (!isActive(locked.status) || locked.status === 'in_progress')
            throw new InvalidTransition(locked.status, 'rescheduled');
          await lockStaffRange(tx, [member.id], req.start, busyUntil);
          const updated = await updateTimes(
            tx,
            locked.id,
            { staffId: member.id, startsAt: req.start, endsAt, busyUntil },
            this.deps.clock.now(),
          );
          await appendOutbox(tx, outboxFor('rescheduled', updated, req.actor));
          await audit(tx, req, 'reschedule', locked, updated);
          return updated;
        });
        return { ok: true, appointment: moved };
      } catch (error) {
        if (sqlState(error) !== EXCLUSION_VIOLATION) throw error;
        bookingConflicts.inc({ operation: 'reschedule' });
      }
    }
    return { ok: false, reason: 'taken', alternatives: await this.deps.availability.nearest(search) };
  }

  async changeStatus(change: StatusChange): Promise<AppointmentRow> {
    return inTransaction(this.deps.db, async (tx) => {
      const locked = await findAppointment(tx, change.businessId, change.appointmentId, true);
      if (!locked) throw new NotFound('appointment', change.appointmentId);
      if (change.expectedVersion !== undefined && locked.version !== change.expectedVersion) {
        throw new StaleVersion(locked.id, change.expectedVersion, locked.version);
      }
      assertTransition(locked.status, change.to);
      const updated = await updateStatus(
        tx,
        locked.id,
        { status: change.to, cancelReason: change.to === 'cancelled' ? (change.reason ?? null) : null },
        this.deps.clock.now(),
      );
      await appendOutbox(tx, outboxFor(eventFor(locked.status, change.to), updated, change.actor));
      await audit(tx, change, `status:${change.to}`, locked, updated);
      return updated;
    });
  }

  /** A customer's active visits that have not ended yet, soonest first. */
  upcomingFor(businessId: string, customerId: string): Promise<AppointmentRow[]> {
    return upcomingForCustomer(poolSql(this.deps.db), businessId, customerId, this.deps.clock.now());
  }

  cancel(req: Omit<StatusChange, 'to'>): Promise<AppointmentRow> {
    return this.changeStatus({ ...req, to: 'cancelled' });
  }

  private async load(businessId: string, id: string): Promise<AppointmentRow> {
    const found = await findAppointment(poolSql(this.deps.db), businessId, id);
    if (!found) throw new NotFound('appointment', id);
    return found;
  }

  private async lockForChange(
    tx: Sql,
    businessId: string,
    id: string,
    expectedVersion: number,
  ): Promise<AppointmentRow> {
    const locked = await findAppointment(tx, businessId, id, true);
    if (!locked) throw new NotFound('appointment', id);
    if (locked.version !== expectedVersion) throw new StaleVersion(id, expectedVersion, locked.version);
    return locked;
  }

  /** Inserts with a fresh reference and its outbox entries; null when the constraint refuses the time. */
  private async tryInsert(row: NewAppointment, event: AppointmentEvent, actor: Actor): Promise<AppointmentRow | null> {
    const id = randomUUID();
    const outbox = outboxFor(event, { ...row, id, version: 1 }, actor);
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(referenceLength(attempt));
      try {
        return await insertAppointment(poolSql(this.deps.db), { ...row, id, reference }, outbox);
      } catch (error) {
        const state = sqlState(error);
        if (state === EXCLUSION_VIOLATION) {
          bookingConflicts.inc({ operation: 'book' });
          return null;
        }
        if (isReferenceCollision(error) && attempt < 10) continue;
        throw error;
      }
    }
  }
}

/** An owner's or admin's change, in the log with the row before and after, in the change's transaction. */
async function audit(
  tx: Sql,
  req: { businessId: string; actor: Actor },
  action: string,
  before: AppointmentRow,
  after: AppointmentRow,
): Promise<void> {
  if (!isAudited(req.actor)) return;
  await appendAudit(tx, {
    businessId: req.businessId,
    actor: req.actor,
    action,
    target: after.id,
    before: auditView(before),
    after: auditView(after),
  });
}

function eventFor(from: AppointmentStatus, to: AppointmentStatus): AppointmentEvent {
  if (to === 'cancelled') return from === 'pending_approval' ? 'declined' : 'cancelled';
  if (to === 'booked') return 'approved';
  if (to === 'in_progress') return 'started';
  if (to === 'pending_approval') throw new InvalidTransition(from, to);
  return to;
}
