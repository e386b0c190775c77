import { DateTime } from 'luxon';
import { FixedClock } from '../core/clock';
import { createBookingServices } from '../booking';
import { parseBusinessFile } from '../booking/businesses/business-file';
import { seedBusiness } from '../booking/businesses/seed';
import { findOrCreateCustomer } from '../booking/repositories/customers';
import { inTransaction, poolSql } from '../booking/repositories/sql';
import { drive, freshDatabase, percentile, report, round } from './support';

/**
 * Bookings per second with and without contention, against the ceiling of a bare single-row
 * INSERT transaction into a table under the same exclusion constraint, same pool, same clients.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const POOL = Number(process.env.BENCH_POOL ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const STAFF = CLIENTS;
const ZONE = 'UTC';

export async function run(): Promise<void> {
  const { db, drop } = await freshDatabase('textbook_bench_booking', POOL);
  try {
    const allDay = ['00:00-24:00'];
    const file = parseBusinessFile({
      slug: 'bench',
      name: 'Bench Garage',
      timezone: ZONE,
      locale: 'en',
      channels: [{ channel: 'sms', address: '+15559990000' }],
      hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay])),
      settings: { slotStepMinutes: 15, minNoticeMinutes: 0, horizonDays: 3650 },
      staff: Array.from({ length: STAFF }, (_, i) => ({ key: `s${i}`, name: `Staff ${i}` })),
      services: [{ key: 'quick', names: { en: 'Quick job' }, durationMinutes: 15 }],
    });
    const { businessId } = await seedBusiness(db, file, { production: false, env: {} });
    const booking = createBookingServices(db, new FixedClock('2030-01-01T00:00:00Z'));
    const catalog = await booking.catalogs.byId(businessId);
    const serviceId = catalog.services[0].id;
    const staffIds = catalog.staff.map((s) => s.id);
    const customers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        findOrCreateCustomer(poolSql(db), businessId, `+1555777${String(i).padStart(4, '0')}`),
      ),
    );
    const base = DateTime.fromISO('2030-01-02T00:00:00Z').toMillis();
    const actorOf = (i: number) => ({ kind: 'customer' as const, customerId: customers[i].id });

    // Ceiling: the least a booking can cost, a bare INSERT transaction under the same constraint.
    await db.query(`CREATE TABLE bench_ceiling (staff_id uuid NOT NULL, starts_at timestamptz NOT NULL, busy_until timestamptz NOT NULL, status text NOT NULL,
      EXCLUDE USING gist (staff_id WITH =, tstzrange(starts_at, busy_until, '[)') WITH &&) WHERE (status IN ('booked')))`);
    const ceiling = await drive(CLIENTS, SECONDS, (client, i) =>
      inTransaction(db, (tx) =>
        tx.rows('INSERT INTO bench_ceiling (staff_id, starts_at, busy_until, status) VALUES ($1, $2, $3, $4)', [
          staffIds[client],
          new Date(base + i * 900_000),
          new Date(base + (i + 1) * 900_000),
          'booked',
        ]),
      ),
    );
    const ceilingRate = ceiling.ops / ceiling.seconds;
    report({
      bench: 'booking',
      measure: 'ceiling_insert_transaction',
      clients: CLIENTS,
      pool: POOL,
      ops: ceiling.ops,
      perSecond: round(ceilingRate),
      p50Ms: round(percentile(ceiling.latenciesMs, 50), 2),
      p99Ms: round(percentile(ceiling.latenciesMs, 99), 2),
    });

    // Without contention: each client books its own staff member's next quarter-hours.
    let refused = 0;
    const free = await drive(CLIENTS, SECONDS, async (client, i) => {
      const outcome = await booking.appointments.book({
        businessId,
        serviceId,
        customerId: customers[client].id,
        staffId: staffIds[client],
        start: new Date(base + i * 900_000),
        channel: 'sms',
        actor: actorOf(client),
      });
      if (!outcome.ok) refused += 1;
    });
    const freeRate = free.ops / free.seconds;
    report({
      bench: 'booking',
      measure: 'bookings_without_contention',
      clients: CLIENTS,
      ops: free.ops,
      refused,
      perSecond: round(freeRate),
      p50Ms: round(percentile(free.latenciesMs, 50), 2),
      p99Ms: round(percentile(free.latenciesMs, 99), 2),
      ratioToCeiling: round(freeRate / ceilingRate, 2),
    });

    // Under contention: every client asks for one of 4 slots of one staff member; one round a day.
    const contendedBase = base + 3000 * 86_400_000 * 0 + 400 * 86_400_000;
    let won = 0;
    const contended = await drive(CLIENTS, SECONDS, async (client, i) => {
      const start = new Date(contendedBase + i * 86_400_000 + (client % 4) * 900_000);
      const outcome = await booking.appointments.book({
        businessId,
        serviceId,
        customerId: customers[client].id,
        staffId: staffIds[0],
        start,
        channel: 'sms',
        actor: actorOf(client),
      });
      if (outcome.ok) won += 1;
      else if (outcome.alternatives.length === 0) throw new Error('a loser got no alternatives');
    });
    report({
      bench: 'booking',
      measure: 'bookings_under_contention',
      clients: CLIENTS,
      slotsPerRound: 4,
      attempts: contended.ops,
      booked: won,
      attemptsPerSecond: round(contended.ops / contended.seconds),
      bookedPerSecond: round(won / contended.seconds),
      p50Ms: round(percentile(contended.latenciesMs, 50), 2),
      p99Ms: round(percentile(contended.latenciesMs, 99), 2),
      attemptRatioToCeiling: round(contended.ops / contended.seconds / ceilingRate, 2),
    });

    const [{ overlaps }] =
      await db.query(`SELECT count(*)::int AS overlaps FROM appointment a JOIN appointment b ON a.staff_id = b.staff_id AND a.id < b.id
      AND tstzrange(a.starts_at, a.busy_until) && tstzrange(b.starts_at, b.busy_until)
      WHERE a.status IN ('pending_approval','booked','confirmed','in_progress') AND b.status IN ('pending_approval','booked','confirmed','in_progress')`);
    report({ bench: 'booking', measure: 'overlaps_after', overlaps });
  } finally {
    await drop();
  }
}
