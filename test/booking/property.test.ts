import fc from 'fast-check';
import { DateTime } from 'luxon';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestShop, overlapsInSql, testBusinessFile } from '../helpers/business';

const LA = 'America/Los_Angeles';
const MINUTE = 60_000;
const BUFFER = 30;
const SERVICES = [
  { key: 'oil-change', minutes: 45 },
  { key: 'diagnostics', minutes: 60 },
];
// Tue and Wed, 08:00–17:00: 36 quarter-hours a day.
const DAYS = ['2026-11-24', '2026-11-25'];
const startAt = (slot: number) =>
  DateTime.fromISO(`${DAYS[Math.floor(slot / 36)]}T08:00`, { zone: LA })
    .plus({ minutes: (slot % 36) * 15 })
    .toMillis();

type Command =
  | { op: 'book'; slot: number; service: number }
  | { op: 'cancel'; pick: number }
  | { op: 'reschedule'; pick: number; slot: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    op: fc.constant('book' as const),
    slot: fc.integer({ min: 0, max: 71 }),
    service: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('reschedule' as const), pick: fc.nat(), slot: fc.integer({ min: 0, max: 71 }) }),
);

interface Held {
  id: string;
  start: number;
  minutes: number;
}

/** What the model says: a visit fits when it ends by 17:00 and its held range is clear of the others'. */
function fits(held: Held[], start: number, minutes: number, ignore?: string): boolean {
  const close = DateTime.fromMillis(start, { zone: LA }).set({ hour: 17, minute: 0 }).toMillis();
  if (start + minutes * MINUTE > close) return false;
  const end = start + (minutes + BUFFER) * MINUTE;
  return held.every((h) => h.id === ignore || h.start + (h.minutes + BUFFER) * MINUTE <= start || end <= h.start);
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it('never leaves two active appointments of one staff member overlapping, and agrees with a simple model', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
      const shop = await createTestShop(
        t.db,
        testBusinessFile((f) => (f.settings = { ...f.settings, bufferMinutes: BUFFER })),
        '2026-11-23T08:00:00-08:00',
      );
      const businessId = shop.catalog.business.id;
      const customerId = await shop.customer();
      const actor = { kind: 'customer' as const, customerId };
      const held: Held[] = [];
      for (const c of commands) {
        if (c.op === 'book') {
          const { key, minutes } = SERVICES[c.service];
          const expected = fits(held, startAt(c.slot), minutes);
          const outcome = await shop.booking.appointments.book({
            businessId,
            serviceId: shop.serviceId(key),
            customerId,
            start: new Date(startAt(c.slot)),
            channel: 'sms',
            actor,
          });
          expect(outcome.ok).toBe(expected);
          if (outcome.ok) held.push({ id: outcome.appointment.id, start: startAt(c.slot), minutes });
        } else if (held.length > 0) {
          const target = held[c.pick % held.length];
          if (c.op === 'cancel') {
            await shop.booking.appointments.cancel({ businessId, appointmentId: target.id, actor });
            held.splice(held.indexOf(target), 1);
          } else {
            const expected = fits(held, startAt(c.slot), target.minutes, target.id);
            const outcome = await shop.booking.appointments.reschedule({
              businessId,
              appointmentId: target.id,
              start: new Date(startAt(c.slot)),
              actor,
            });
            expect(outcome.ok).toBe(expected);
            if (outcome.ok) target.start = startAt(c.slot);
          }
        }
        expect(await overlapsInSql(t.db)).toBe(0);
      }
      const rows = await t.db.query(
        `SELECT id, starts_at FROM appointment WHERE business_id = $1 AND status = 'booked' ORDER BY id`,
        [businessId],
      );
      expect(rows.map((r: { id: string; starts_at: Date }) => [r.id, r.starts_at.getTime()])).toEqual(
        held.map((h) => [h.id, h.start]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
    }),
    { numRuns: 40 },
  );
});
