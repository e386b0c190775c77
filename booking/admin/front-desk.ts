import type { DataSource } from 'typeorm';
import type { Actor } from '../actor';
import type { AppointmentService, BookingOutcome } from '../appointments';
import type { Slot } from '../availability/slots';
import type { AvailabilityService } from '../availability-service';
import type { CustomerDetails } from '../db/entities/customer';
import { InvalidRequest, NotFound, SlotUnavailable, StaleVersion } from '../errors';
import { agenda } from '../repositories/admin/agenda';
import { customerForWalkIn } from '../repositories/admin/customer-directory';
import { type CatalogRepository, serviceOf } from '../repositories/catalog';
import { poolSql, type Sql } from '../repositories/sql';
import type { AppointmentStatus } from '../statuses';
import type { Agenda } from './agenda';
import { localDays } from './local-days';
import { type AppointmentView, appointmentViews } from './views';

/** The signed-in admin: every change is made in their business, under their name. */
export interface AdminActor {
  userId: string;
  businessId: string;
}

export interface WalkIn {
  serviceId: string;
  staffId?: string;
  start: Date;
  phone: string;
  name: string;
  address?: string;
  vehicle?: string;
  notes?: string;
}

export interface BlockTime {
  staffId: string;
  start: Date;
  end: Date;
  notes?: string;
}

const actorOf = (admin: AdminActor): Actor => ({ kind: 'admin', userId: admin.userId });

/**
 * What the front desk changes, through the same booking service as the bot and the owner: the
 * exclusion constraint, versions and the outbox (who is told) hold exactly as for them. A stale
 * version comes back with the appointment as it is now, so the page can show what changed.
 */
export class FrontDesk {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly deps: {
      catalogs: CatalogRepository;
      appointments: AppointmentService;
      availability: AvailabilityService;
      agenda: Agenda;
    },
  ) {
    this.sql = poolSql(db);
  }

  async changeStatus(admin: AdminActor, id: string, to: AppointmentStatus, version: number): Promise<AppointmentView> {
    await this.visit(admin.businessId, id);
    const changed = await this.withCurrent(admin.businessId, () =>
      this.deps.appointments.changeStatus({
        businessId: admin.businessId,
        appointmentId: id,
        to,
        expectedVersion: version,
        actor: actorOf(admin),
      }),
    );
    return this.deps.agenda.view(admin.businessId, changed.id);
  }

  async cancel(admin: AdminActor, id: string, reason: string, version: number): Promise<AppointmentView> {
    await this.visit(admin.businessId, id);
    const cancelled = await this.withCurrent(admin.businessId, () =>
      this.deps.appointments.cancel({
        businessId: admin.businessId,
        appointmentId: id,
        reason,
        expectedVersion: version,
        actor: actorOf(admin),
      }),
    );
    return this.deps.agenda.view(admin.businessId, cancelled.id);
  }

  async move(
    admin: AdminActor,
    id: string,
    to: { start: Date; staffId?: string; version: number },
  ): Promise<AppointmentView> {
    await this.visit(admin.businessId, id);
    const outcome = await this.withCurrent(admin.businessId, () =>
      this.deps.appointments.reschedule({
        businessId: admin.businessId,
        appointmentId: id,
        start: to.start,
        staffId: to.staffId,
        expectedVersion: to.version,
        actor: actorOf(admin),
      }),
    );
    return this.booked(admin.businessId, outcome);
  }

  /** A customer who phoned or walked in: found or added by phone, then booked as any booking is. */
  async walkIn(admin: AdminActor, w: WalkIn): Promise<AppointmentView> {
    const catalog = await this.deps.catalogs.byId(admin.businessId);
    serviceOf(catalog, w.serviceId);
    const details: CustomerDetails = {};
    if (w.address) details.address = w.address;
    if (w.vehicle) details.vehicle = w.vehicle;
    const customer = await customerForWalkIn(this.sql, admin.businessId, { phone: w.phone, name: w.name, details });
    const outcome = await this.deps.appointments.book({
      businessId: admin.businessId,
      serviceId: w.serviceId,
      staffId: w.staffId,
      customerId: customer.id,
      start: w.start,
      channel: 'admin',
      address: w.address ?? null,
      notes: [w.vehicle, w.notes].filter(Boolean).join('; ') || null,
      actor: actorOf(admin),
    });
    return this.booked(admin.businessId, outcome);
  }

  /** Time off; refused when visits hold part of it, naming them (the owner's time is not double-booked). */
  async block(admin: AdminActor, b: BlockTime): Promise<AppointmentView> {
    const outcome = await this.deps.appointments.block({ businessId: admin.businessId, ...b, actor: actorOf(admin) });
    if (outcome.ok) return this.deps.agenda.view(admin.businessId, outcome.appointment.id);
    const catalog = await this.deps.catalogs.byId(admin.businessId);
    const held = await agenda(this.sql, {
      businessId: admin.businessId,
      from: b.start,
      to: b.end,
      staffId: b.staffId,
      statuses: ['pending_approval', 'booked', 'confirmed', 'in_progress'],
    });
    throw new SlotUnavailable('taken', { conflicts: appointmentViews(catalog, held) });
  }

  async unblock(admin: AdminActor, id: string): Promise<AppointmentView> {
    const block = await this.deps.agenda.view(admin.businessId, id);
    if (block.kind !== 'block') throw new NotFound('block', id);
    await this.deps.appointments.changeStatus({
      businessId: admin.businessId,
      appointmentId: id,
      to: 'cancelled',
      actor: actorOf(admin),
    });
    return this.deps.agenda.view(admin.businessId, id);
  }

  /** Free starts on one local day for a service (optionally one staff member), for the walk-in picker. */
  async freeSlots(businessId: string, q: { serviceId: string; date: string; staffId?: string }): Promise<Slot[]> {
    const catalog = await this.deps.catalogs.byId(businessId);
    const day = localDays(catalog.business.timezone, { from: q.date }, 1);
    return this.deps.availability.slots({ businessId, serviceId: q.serviceId, staffId: q.staffId, ...day });
  }

  private async visit(businessId: string, id: string): Promise<void> {
    const found = await this.deps.agenda.view(businessId, id);
    if (found.kind !== 'visit') throw new InvalidRequest('this is a block of time off, not a visit', 'params.id');
  }

  /** Runs a change; a stale version is answered with the appointment as it is now. */
  private async withCurrent<T>(businessId: string, change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } catch (error) {
      if (!(error instanceof StaleVersion)) throw error;
      const now = await this.deps.agenda.view(businessId, error.appointmentId);
      throw new StaleVersion(error.appointmentId, error.expected, error.actual, now);
    }
  }

  private async booked(businessId: string, outcome: BookingOutcome): Promise<AppointmentView> {
    if (!outcome.ok) throw new SlotUnavailable(outcome.reason, { alternatives: outcome.alternatives });
    return this.deps.agenda.view(businessId, outcome.appointment.id);
  }
}
