import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import { AppointmentService } from './appointments';
import { AvailabilityService } from './availability-service';
import { MessageLog } from './message-log';
import { OutboundService } from './outbound-service';
import { CatalogRepository } from './repositories/catalog';

/** The booking services every edge (webhook, owner commands, admin, workers) shares. */
export interface BookingServices {
  catalogs: CatalogRepository;
  availability: AvailabilityService;
  appointments: AppointmentService;
  messages: MessageLog;
  /** Any message to any person, through the outbox (booking/outbound.ts). */
  outbound: OutboundService;
}

export function createBookingServices(db: DataSource, clock: Clock): BookingServices {
  const catalogs = new CatalogRepository(db);
  const availability = new AvailabilityService({ db, catalogs, clock });
  const appointments = new AppointmentService({ db, catalogs, availability, clock });
  const outbound = new OutboundService({ db, catalogs });
  return { catalogs, availability, appointments, messages: new MessageLog(db), outbound };
}
