import type { DataSource } from 'typeorm';
import { FixedClock } from '../../core/clock';
import { createBookingServices, type BookingServices } from '../../booking';
import { type BusinessFile, parseBusinessFile } from '../../booking/businesses/business-file';
import { seedBusiness } from '../../booking/businesses/seed';
import type { Catalog } from '../../booking/repositories/catalog';
import { findOrCreateCustomer } from '../../booking/repositories/customers';
import { poolSql } from '../../booking/repositories/sql';

let counter = 0;

/** A business file as written, before validation: tests change any part of it, well or badly. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into any part of the raw file, and the parser is what checks it
export type BusinessFileDraft = Record<string, any>;

/** A small business file (one mechanic, every day 08:00–17:00) that a test can change as it needs. */
export function testBusinessFile(change: (file: BusinessFileDraft) => void = () => {}): BusinessFile {
  counter += 1;
  const everyDay = ['08:00-17:00'];
  const file: BusinessFileDraft = {
    slug: `shop-${process.pid}-${counter}`,
    name: 'Test Shop',
    timezone: 'America/Los_Angeles',
    locale: 'en',
    ownerPhones: ['+15550109999'],
    channels: [
      {
        channel: 'sms',
        address: `+1555${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`,
      },
    ],
    hours: { mon: everyDay, tue: everyDay, wed: everyDay, thu: everyDay, fri: everyDay, sat: everyDay, sun: everyDay },
    settings: { slotStepMinutes: 15, minNoticeMinutes: 60, horizonDays: 30, bufferMinutes: 0 },
    staff: [{ key: 'edgar', name: 'Edgar' }],
    services: [
      { key: 'oil-change', names: { en: 'Oil change' }, durationMinutes: 45, price: 49 },
      { key: 'diagnostics', names: { en: 'Diagnostics' }, durationMinutes: 60 },
    ],
  };
  change(file);
  return parseBusinessFile(file, 'test business');
}

export interface TestShop {
  catalog: Catalog;
  clock: FixedClock;
  booking: BookingServices;
  serviceId(key: string): string;
  staffId(key: string): string;
  customer(phone?: string): Promise<string>;
}

export async function createTestShop(db: DataSource, file: BusinessFile, now: string): Promise<TestShop> {
  const seeded = await seedBusiness(db, file, { production: false, env: {} });
  const clock = new FixedClock(now);
  const booking = createBookingServices(db, clock);
  const catalog = await booking.catalogs.byId(seeded.businessId);
  let phones = 0;
  return {
    catalog,
    clock,
    booking,
    serviceId: (key) => catalog.services.find((s) => s.key === key)!.id,
    staffId: (key) => catalog.staff.find((s) => s.key === key)!.id,
    customer: async (phone) =>
      (
        await findOrCreateCustomer(
          poolSql(db),
          seeded.businessId,
          phone ?? `+1555200${String(++phones).padStart(4, '0')}`,
        )
      ).id,
  };
}

/** Pairs of active appointments of one staff member whose held ranges overlap: must always be 0. */
export async function overlapsInSql(db: DataSource): Promise<number> {
  const [{ count }] = await db.query(`
    SELECT count(*)::int AS count FROM appointment a JOIN appointment b
      ON a.staff_id = b.staff_id AND a.id < b.id
     AND tstzrange(a.starts_at, a.busy_until) && tstzrange(b.starts_at, b.busy_until)
    WHERE a.status IN ('pending_approval', 'booked', 'confirmed', 'in_progress')
      AND b.status IN ('pending_approval', 'booked', 'confirmed', 'in_progress')`);
  return count;
}
