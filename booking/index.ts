import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import { Agenda } from './agenda';
import { AppointmentService } from './appointments';
import { AvailabilityService } from './availability-service';
import { DeliveryStatuses } from './delivery-statuses';
import { MessageLog } from './message-log';
import { OutboundService } from './outbound-service';
import { OwnerRelays } from './owner-relays';
import { CatalogRepository } from './repositories/catalog';
import { poolSql, type Sql } from './repositories/sql';

/** The booking services every edge (webhook, owner commands, admin, workers) shares. */
export interface BookingServices {
  catalogs: CatalogRepository;
  availability: AvailabilityService;
  appointments: AppointmentService;
  messages: MessageLog;
  agenda: Agenda;
  /** Any message to any person, through the outbox (booking/outbound.ts). */
  outbound: OutboundService;
  /** An owner's messages to a customer and the customer's replies back (booking/owner-relays.ts). */
  ownerRelays: OwnerRelays;
  deliveryStatus: DeliveryStatuses;
  /**
   * The pooled handle booking's repository functions take (`booking/repositories/*`): the
   * workers hand it to them. Only booking/ writes SQL; an edge asks a service or a repository.
   */
  sql: Sql;
}

export function createBookingServices(db: DataSource, clock: Clock): BookingServices {
  const catalogs = new CatalogRepository(db);
  const availability = new AvailabilityService({ db, catalogs, clock });
  const appointments = new AppointmentService({ db, catalogs, availability, clock });
  const outbound = new OutboundService({ db, catalogs });
  return {
    catalogs,
    availability,
    appointments,
    messages: new MessageLog(db),
    agenda: new Agenda(db, clock),
    deliveryStatus: new DeliveryStatuses(db, clock),
    sql: poolSql(db),
    outbound,
    ownerRelays: new OwnerRelays({ db, catalogs, clock, outbound }),
  };
}
