import { OwnRedis } from '../helpers/redis';
import { FAST, Harness, laTime } from './support/harness';

/**
 * Redis goes away (a redis-server of this test's own, stopped) while a customer books: the booking
 * only needs Postgres and succeeds, its outbox rows wait, and the notice and reminders go out once
 * Redis is back, even though it came back empty.
 */
let redis: OwnRedis;
let h: Harness;

beforeAll(async () => {
  redis = await OwnRedis.start();
  h = await Harness.create('outage', { now: '2026-11-23T09:59:50-08:00', env: { REDIS_URL: redis.url } });
});
afterAll(async () => {
  await h.close();
  await redis.stop();
});

it('books while Redis is down and sends the messages after it returns', async () => {
  const shop = await h.shop(() => {}, [3]);
  await h.start(FAST);
  await redis.stop();

  h.clock.set('2026-11-23T09:59:52-08:00');
  const customerId = await shop.customer('+15557000001', { name: 'Dee' });
  const visit = await shop.book(customerId, laTime('2026-11-23T10:00'));
  expect(visit.status).toBe('booked');

  await new Promise((r) => setTimeout(r, 1_000));
  expect(h.fake.requests).toHaveLength(0);
  const [{ pending }] = await h.query(`SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL`);
  expect(pending).toBe(2);

  await redis.start();
  const sent = await h.fake.waitFor((all) => all.length >= 2, 15_000);
  expect(sent.map((r) => `${r.form.To} ${r.form.Body.split(':')[0]}`).sort()).toEqual([
    '+15550109999 New',
    '+15557000001 Reminder',
  ]);
  await h.eventually(async () => expect((await h.messages()).map((m) => m.status)).toEqual(['sent', 'sent']));
  // Redis came back empty, so the reconciler relays the last day's outbox rows again: they end
  // processed once more, and nothing goes out a second time.
  await h.eventually(async () => {
    const [{ left }] = await h.query(`SELECT count(*)::int AS left FROM outbox WHERE processed_at IS NULL`);
    expect(left).toBe(0);
  });
  await new Promise((r) => setTimeout(r, 1_000));
  expect(h.fake.requests).toHaveLength(2);
  expect((await h.messages()).map((m) => m.status)).toEqual(['sent', 'sent']);
}, 60_000);
