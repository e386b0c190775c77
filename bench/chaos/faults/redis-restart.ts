import { createBookingServices } from '../../../booking';
import { findOrCreateCustomer } from '../../../booking/repositories/customers';
import { poolSql } from '../../../booking/repositories/sql';
import { percentile, round } from '../../support';
import { type ChaosDeployment, OWNER, REMINDER_OFFSETS_SECONDS, SHOPS } from '../deployment';
import { type FaultReport, faultReport } from '../report';

const VISITS = SHOPS.big.staff;
/** A reminder that leaves later than this after it was due counts as missed. */
const LATE_MS = 10_000;

/**
 * Redis restarted without persistence between the booking and the reminders' time: bookings of
 * one visit per mechanic, the owner notices still leaving (10 a second from the business number)
 * when Redis loses everything. Postgres holds what was promised: every reminder goes out at its
 * time and every notice once, as the fake Twilio counts them.
 */
export async function redisRestart(d: ChaosDeployment): Promise<FaultReport> {
  const booking = createBookingServices(d.db, { now: () => new Date() });
  const catalog = await booking.catalogs.bySlug(SHOPS.big.slug);
  // The next whole minute with the first reminder at least 20 s away.
  const start = new Date(Math.ceil((Date.now() + (REMINDER_OFFSETS_SECONDS[0] + 20) * 1000) / 60_000) * 60_000);
  const phones = catalog.staff.map((_, i) => `+4477005${String(10_000 + i)}`);
  const fromRequest = d.fake.requests.length;
  const references: string[] = [];
  for (const [i, staff] of catalog.staff.entries()) {
    const name = `Chaos Customer ${i}`;
    d.personalData.add(phones[i]).add(name);
    const customer = await findOrCreateCustomer(poolSql(d.db), catalog.business.id, phones[i], { name });
    const outcome = await booking.appointments.book({
      businessId: catalog.business.id,
      serviceId: catalog.services[0].id,
      customerId: customer.id,
      staffId: staff.id,
      start,
      channel: 'sms',
      actor: { kind: 'customer', customerId: customer.id },
    });
    if (!outcome.ok) throw new Error(`chaos booking refused: ${outcome.reason}`);
    references.push(outcome.appointment.reference);
  }
  // Redis goes while the notices are leaving: some sent, the rest waiting in the queue.
  const noticesSent = () => d.fake.requests.slice(fromRequest).filter((r) => r.form.To === OWNER).length;
  const waitUntil = Date.now() + 30_000;
  while (noticesSent() < 5 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
  const noticesBeforeWipe = noticesSent();
  await d.redis.stop();
  await d.redis.start();

  const due = REMINDER_OFFSETS_SECONDS.map((s) => start.getTime() - s * 1000).sort((a, b) => a - b);
  while (Date.now() < start.getTime() + LATE_MS) await new Promise((r) => setTimeout(r, 500));
  const sent = d.fake.requests.slice(fromRequest).filter((r) => r.answered === 201);
  const reminders = phones.map((phone) =>
    sent
      .filter((r) => r.form.To === phone && r.form.Body.startsWith('Reminder'))
      .map((r) => r.at)
      .sort((a, b) => a - b),
  );
  // Each customer's reminders in order against the due times in order.
  const lateness = reminders.flatMap((times) => times.slice(0, due.length).map((at, k) => at - due[k]));
  const notices = references.map((ref) => sent.filter((r) => r.form.To === OWNER && r.form.Body.includes(ref)).length);
  const expected = due.length;
  return faultReport('redis-restart-empty', {
    sent: VISITS,
    stored: VISITS,
    remindersDue: VISITS * expected,
    remindersSent: reminders.reduce((sum, times) => sum + times.length, 0),
    noticesQueued: VISITS,
    noticesSentBeforeWipe: noticesBeforeWipe,
    noticesSent: notices.reduce((sum, n) => sum + n, 0),
    reminderLatenessMs: { p50: round(percentile(lateness, 50), 0), p99: round(percentile(lateness, 99), 0) },
    duplicates:
      reminders.reduce((sum, times) => sum + Math.max(0, times.length - expected), 0) +
      notices.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    lost: {
      reminders: reminders.reduce((sum, times) => sum + Math.max(0, expected - times.length), 0),
      remindersEarlyOrLate: lateness.filter((ms) => ms < -1_000 || ms > LATE_MS).length,
      notices: notices.filter((n) => n === 0).length,
    },
  });
}
