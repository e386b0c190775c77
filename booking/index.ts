import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import { type AdminServices, createAdminServices } from './admin';
import { AppointmentService } from './appointments';
import { AvailabilityService } from './availability-service';
import { MessageLog } from './message-log';
import { CatalogRepository } from './repositories/catalog';

/** The booking services every edge (webhook, owner commands, admin, workers) shares. */
export interface BookingServices {
  catalogs: CatalogRepository;
  availability: AvailabilityService;
  appointments: AppointmentService;
  messages: MessageLog;
  admin: AdminServices;
}

export function createBookingServices(db: DataSource, clock: Clock): BookingServices {
  const catalogs = new CatalogRepository(db);
  const availability = new AvailabilityService({ db, catalogs, clock });
  const appointments = new AppointmentService({ db, catalogs, availability, clock });
  const admin = createAdminServices({ db, clock, catalogs, availability, appointments });
  return { catalogs, availability, appointments, messages: new MessageLog(db), admin };
}
