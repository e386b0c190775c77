import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestShop, overlapsInSql, testBusinessFile } from '../helpers/business';

const LA = 'America/Los_Angeles';
const at = (text: string) => DateTime.fromISO(text, { zone: LA }).toJSDate();

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase(20);
});
afterAll(() => t.drop());

describe('concurrent booking', () => {
  it('lets exactly one of each group of overlapping requests win, and offers every loser other times', async () => {
    const shop = await createTestShop(
      t.db,
      testBusinessFile((f) => (f.settings = { ...f.settings, bufferMinutes: 30 })),
      '2026-11-23T08:00:00-08:00',
    );
    const businessId = shop.catalog.business.id;
    const serviceId = shop.serviceId('oil-change');
    // Three groups whose starts overlap within a group (45 min + 30 min held) but never across groups.
    const groups = [
      ['10:00', '10:15', '10:30'],
      ['12:30', '12:45', '13:00'],
      ['15:00', '15:15'],
    ];
    const starts = groups.flat();
    const customers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => shop.customer(`+1555300${String(i).padStart(4, '0')}`)),
    );

    const outcomes = await Promise.all(
      customers.map((customerId, i) =>
        shop.booking.appointments.book({
          businessId,
          serviceId,
          customerId,
          start: at(`2026-11-24T${starts[i % starts.length]}`),
          channel: 'sms',
          actor: { kind: 'customer', customerId },
        }),
      ),
    );

    const winners = outcomes.filter((o) => o.ok);
    const losers = outcomes.filter((o) => !o.ok);
    expect(winners).toHaveLength(groups.length);
    expect(losers).toHaveLength(200 - groups.length);
    for (const loser of losers) {
      if (loser.ok) continue;
      expect(loser.reason).toBe('taken');
      expect(loser.alternatives.length).toBeGreaterThan(0);
    }
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM appointment WHERE business_id = $1 AND status = 'booked'`,
      [businessId],
    );
    expect(count).toBe(groups.length);
    expect(await overlapsInSql(t.db)).toBe(0);
    // Each winner's alternatives are really free: booking the first one offered to a loser succeeds.
    const offered = losers.find((o) => !o.ok && o.alternatives.length)!;
    if (offered.ok) throw new Error('unreachable');
    const retry = await shop.booking.appointments.book({
      businessId,
      serviceId,
      customerId: customers[0],
      start: offered.alternatives[0].start,
      channel: 'sms',
      actor: { kind: 'customer', customerId: customers[0] },
    });
    expect(retry.ok).toBe(true);
  });

  it('fills every staff member before saying a time is taken', async () => {
    const shop = await createTestShop(
      t.db,
      testBusinessFile(
        (f) =>
          (f.staff = [
            { key: 'soto', name: 'Dra. Soto' },
            { key: 'perez', name: 'Dr. Pérez' },
          ]),
      ),
      '2026-11-23T08:00:00-08:00',
    );
    const businessId = shop.catalog.business.id;
    const customers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => shop.customer(`+1555400${String(i).padStart(4, '0')}`)),
    );
    const outcomes = await Promise.all(
      customers.map((customerId) =>
        shop.booking.appointments.book({
          businessId,
          serviceId: shop.serviceId('diagnostics'),
          customerId,
          start: at('2026-11-24T10:00'),
          channel: 'whatsapp',
          actor: { kind: 'customer', customerId },
        }),
      ),
    );
    const staffOfWinners = outcomes.flatMap((o) => (o.ok ? [o.appointment.staffId] : [])).sort();
    expect(staffOfWinners).toEqual([shop.staffId('perez'), shop.staffId('soto')].sort());
    expect(await overlapsInSql(t.db)).toBe(0);
  });
});
