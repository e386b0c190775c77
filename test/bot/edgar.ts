import { DateTime } from 'luxon';
import { conversationApp, type Phone } from '../helpers/app';

/**
 * Edgar's Mobile Auto Shop over SMS, in English, for a test file: Monday 23 November 2026, 9:00
 * in Los Angeles, fresh phones under the file's own prefix, and ways to look at what was booked.
 */
export const EDGAR = '+15550100001';
const LA = 'America/Los_Angeles';
export const EDGAR_NOW = '2026-11-23T09:00:00-08:00';
export const REF = /Ref ([A-Z0-9]{4,6})\./;

/** "Wed 2026-11-25 10:00 -08:00": an instant as Edgar's wall clock shows it. */
export const local = (d: Date) => DateTime.fromJSDate(d, { zone: LA }).toFormat('ccc yyyy-LL-dd HH:mm ZZ');

export function edgarConversations(phonePrefix: string) {
  const { app, newPhone } = conversationApp({ now: EDGAR_NOW, to: EDGAR, phonePrefix });

  async function appointmentsOf(phone: Phone) {
    return app().runtime.db.query(
      `SELECT a.reference, a.status, a.starts_at, a.address, a.notes, a.version, s.key AS service
         FROM appointment a JOIN customer c ON c.id = a.customer_id JOIN service s ON s.id = a.service_id
        WHERE c.phone = $1 ORDER BY a.created_at`,
      [phone.from],
    );
  }

  /** A visit booked by someone else, to make a time taken. */
  async function bookDirectly(start: string, serviceKey = 'oil-change') {
    const catalog = await app().booking.catalogs.bySlug('edgar');
    const service = catalog.services.find((s) => s.key === serviceKey)!;
    const [customer] = await app().runtime.db.query(
      `INSERT INTO customer (business_id, phone) VALUES ($1, $2) RETURNING id`,
      [catalog.business.id, newPhone().from],
    );
    const outcome = await app().booking.appointments.book({
      businessId: catalog.business.id,
      serviceId: service.id,
      customerId: customer.id,
      start: DateTime.fromISO(start, { zone: LA }).toJSDate(),
      channel: 'sms',
      actor: { kind: 'system' },
    });
    if (!outcome.ok) throw new Error(`could not set up a booking at ${start}`);
    return outcome.appointment;
  }

  return { app, newPhone, appointmentsOf, bookDirectly };
}
