import { DateTime } from 'luxon';
import type { AppointmentRow } from '../../../booking/db/entities/appointment';
import type { Catalog } from '../../../booking/repositories/catalog';
import { findOrCreateCustomer } from '../../../booking/repositories/customers';
import { poolSql } from '../../../booking/repositories/sql';
import { BEHIND_TLS_PROXY, startTestApp, type TestApp } from '../../helpers/app';
import { type AppWithWorkers, startAppWithWorkers } from '../../helpers/app-with-workers';
import { AdminClient, CLINICA_ADMIN, EDGAR_ADMIN } from '../../helpers/admin-client';
import type { FakeTwilio } from '../../helpers/fake-twilio';

/** Monday 23 November 2026, 9:00 in Los Angeles (14:00 in Santiago). */
export const NOW = '2026-11-23T09:00:00-08:00';

export interface Demo {
  catalog: Catalog;
  zone: string;
  /** A local wall-clock time of the business as an instant: `at('2026-11-24T10:00')`. */
  at(local: string): Date;
  serviceId(key: string): string;
  staffId(key: string): string;
  /** A customer texting in, and their booking, made as the bot makes it. */
  book(o: { phone: string; name?: string; at: string; service?: string; staff?: string }): Promise<AppointmentRow>;
}

/**
 * The app with both demo businesses, and an admin client signed in to each: Edgar's (SMS,
 * English, Los Angeles) and the clinic's (WhatsApp, Spanish, Santiago). With `workers`, the
 * real workers run too and send to a fake Twilio server.
 */
export function adminApp(options: { workers?: boolean } = {}): {
  t(): TestApp;
  edgar(): AdminClient;
  clinica(): AdminClient;
  demo(slug: string): Promise<Demo>;
  twilio(): FakeTwilio;
} {
  let t: TestApp | undefined;
  let edgar: AdminClient;
  let clinica: AdminClient;
  let whole: AppWithWorkers | undefined;
  beforeAll(async () => {
    whole = options.workers ? await startAppWithWorkers(NOW) : undefined;
    t = whole?.t ?? (await startTestApp({ now: NOW, env: BEHIND_TLS_PROXY }));
    edgar = new AdminClient(t.baseUrl, '203.0.113.1');
    clinica = new AdminClient(t.baseUrl, '203.0.113.2');
    await edgar.login(EDGAR_ADMIN);
    await clinica.login(CLINICA_ADMIN);
  });
  afterAll(() => (whole ?? t)?.close());
  afterEach(() => t?.clock.set(NOW));
  const app = () => {
    if (!t) throw new Error('the app starts in beforeAll');
    return t;
  };
  return {
    t: app,
    edgar: () => edgar,
    clinica: () => clinica,
    twilio: () => {
      if (!whole) throw new Error('start the app with workers to have a fake Twilio');
      return whole.twilio;
    },
    async demo(slug) {
      const catalog = await app().booking.catalogs.bySlug(slug);
      const zone = catalog.business.timezone;
      const at = (local: string) => DateTime.fromISO(local, { zone }).toJSDate();
      const serviceId = (key: string) => catalog.services.find((s) => s.key === key)!.id;
      const staffId = (key: string) => catalog.staff.find((s) => s.key === key)!.id;
      return {
        catalog,
        zone,
        at,
        serviceId,
        staffId,
        async book(o) {
          const customer = await findOrCreateCustomer(poolSql(app().runtime.db), catalog.business.id, o.phone, {
            name: o.name ?? null,
          });
          const outcome = await app().booking.appointments.book({
            businessId: catalog.business.id,
            serviceId: serviceId(o.service ?? catalog.services[0].key),
            staffId: o.staff ? staffId(o.staff) : undefined,
            customerId: customer.id,
            start: at(o.at),
            channel: catalog.endpoints[0].channel,
            address: slug === 'edgar' ? '12 Oak St' : null,
            actor: { kind: 'customer', customerId: customer.id },
          });
          if (!outcome.ok) throw new Error(`could not book ${o.at}: ${outcome.reason}`);
          return outcome.appointment;
        },
      };
    },
  };
}
