import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import type { AppointmentService } from '../appointments';
import type { AvailabilityService } from '../availability-service';
import type { OutboundService } from '../outbound-service';
import type { CatalogRepository } from '../repositories/catalog';
import { AdminAccounts } from './accounts';
import { Agenda } from './agenda';
import { CalendarFeeds } from './calendar-feeds';
import { CatalogEditor } from './catalog-editor';
import { CustomerDirectory } from './customers';
import { FrontDesk } from './front-desk';
import { AgendaStats } from './stats';

/** What the admin page reads and changes; every method takes the business from the signed-in admin. */
export interface AdminServices {
  accounts: AdminAccounts;
  agenda: Agenda;
  stats: AgendaStats;
  frontDesk: FrontDesk;
  customers: CustomerDirectory;
  catalog: CatalogEditor;
  feeds: CalendarFeeds;
}

export function createAdminServices(deps: {
  db: DataSource;
  clock: Clock;
  catalogs: CatalogRepository;
  availability: AvailabilityService;
  appointments: AppointmentService;
  outbound: OutboundService;
}): AdminServices {
  const { db, clock, catalogs } = deps;
  const agenda = new Agenda(db, catalogs);
  return {
    accounts: new AdminAccounts(db, catalogs, clock),
    agenda,
    stats: new AgendaStats(db, catalogs),
    frontDesk: new FrontDesk(db, { ...deps, agenda }),
    customers: new CustomerDirectory(db, { catalogs, clock, outbound: deps.outbound }),
    catalog: new CatalogEditor(db, catalogs),
    feeds: new CalendarFeeds(db, catalogs, clock),
  };
}
