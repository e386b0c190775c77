import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES } from '../../workers/queues';
import { OwnRedis } from '../helpers/redis';
import { FAST, Harness, laTime, type Shop } from './support/harness';

/**
 * Redis loses everything between the booking and the reminders' time: restarted without
 * persistence while the owner notices wait for their turn to leave and the reminders wait for
 * their moment, then flushed. Postgres holds what was promised, and the workers put it back:
 * every reminder still goes out at its time and every notice exactly once, as the fake Twilio
 * counts them.
 */
const OWNER = '+15550109999';
const OFFSETS_SECONDS = [8, 4];
const STAFF = ['a', 'b', 'c', 'd', 'e', 'f'];
/** Deadlines only a hang exceeds: a loaded machine may take seconds where an idle one takes milliseconds. */
const HANG_MS = 45_000;
let redis: OwnRedis;
let h: Harness;
let shop: Shop;
/** The sending number is slow until the wipe, so the notices are still queued in Redis then. */
let slow = true;

beforeAll(async () => {
  redis = await OwnRedis.start();
  h = await Harness.create('wipe', { now: '2026-11-23T09:59:40-08:00', env: { REDIS_URL: redis.url } });
  shop = await h.shop((f) => (f.staff = STAFF.map((key) => ({ key, name: `Mechanic ${key}` }))), OFFSETS_SECONDS);
  await h.start({
    ...FAST,
    sendRate: () => (slow ? 0.5 : Infinity),
    reconcile: { markerCheckMs: 100 },
  });
});
afterAll(async () => {
  await h.close();
  await redis.stop();
});

const delayedReminders = async () => {
  const queue = new Queue(QUEUES.reminders, { connection: { url: redis.url }, prefix: h.runtime.redisPrefix });
  try {
    return await queue.getDelayedCount();
  } finally {
    await queue.close();
  }
};

it(
  'sends every reminder at its time and every queued notice once after Redis restarted empty',
  async () => {
    h.clock.set('2026-11-23T09:59:46-08:00');
    const visits = [];
    for (const [i, staff] of STAFF.entries()) {
      const customerId = await shop.customer(`+1555710000${i}`, { name: `C${i}` });
      visits.push(await shop.book(customerId, laTime('2026-11-23T10:00'), { staff }));
    }
    // Every reminder planned, most owner notices still waiting for the slow number.
    await h.eventually(
      async () => expect(await delayedReminders()).toBe(STAFF.length * OFFSETS_SECONDS.length),
      HANG_MS,
    );
    const noticesBefore = h.fake.to(OWNER).length;
    expect(noticesBefore).toBeLessThan(STAFF.length);

    await redis.stop();
    await redis.start();
    slow = false;

    await h.clock.until('2026-11-23T10:00:00-08:00');
    const reminders = await h.fake.waitFor(
      (all) => all.filter((r) => r.form.Body.startsWith('Reminder')).length >= visits.length * OFFSETS_SECONDS.length,
    );
    const sentAt = (to: string) =>
      reminders.filter((r) => r.form.To === to && r.form.Body.startsWith('Reminder')).map((r) => h.clock.at(r.at));
    for (const [i] of STAFF.entries()) {
      const times = sentAt(`+1555710000${i}`);
      expect(times).toHaveLength(OFFSETS_SECONDS.length);
      // Each at its moment: not before it is due, and before the visit.
      const due = OFFSETS_SECONDS.map((s) => laTime('2026-11-23T10:00').getTime() - s * 1000).sort();
      times.sort((a, b) => a.getTime() - b.getTime());
      times.forEach((at, k) => {
        expect(at.getTime()).toBeGreaterThanOrEqual(due[k]);
        expect(at.getTime()).toBeLessThan(laTime('2026-11-23T10:00').getTime());
      });
    }
    await h.fake.waitFor(() => h.fake.to(OWNER).length >= STAFF.length, HANG_MS);
    const notices = h.fake.to(OWNER).map((r) => r.form.Body);
    expect(notices).toHaveLength(STAFF.length);
    for (const visit of visits) expect(notices.filter((body) => body.includes(visit.reference))).toHaveLength(1);
  },
  4 * HANG_MS,
);

it(
  'puts the reminders back after Redis is flushed while it runs',
  async () => {
    h.clock.set('2026-11-23T11:29:42-08:00');
    const customerId = await shop.customer('+15557200001', { name: 'Flo' });
    await shop.book(customerId, laTime('2026-11-23T11:30'), { staff: 'a' });
    await h.eventually(async () => expect(await delayedReminders()).toBe(OFFSETS_SECONDS.length), HANG_MS);
    const admin = new IORedis(redis.url);
    await admin.flushall();
    admin.disconnect();
    const sent = await h.fake.waitFor(
      (all) => all.filter((r) => r.form.To === '+15557200001' && r.form.Body.startsWith('Reminder')).length >= 2,
      HANG_MS,
    );
    expect(sent.filter((r) => r.form.To === '+15557200001').map((r) => r.form.Body.split(':')[0])).toEqual([
      'Reminder',
      'Reminder',
    ]);
  },
  4 * HANG_MS,
);

it(
  'sends a reminder that fell due while Redis was away and came back empty: late, and once',
  async () => {
    h.clock.set('2026-11-23T11:59:42-08:00');
    const phone = '+15557400001';
    const customerId = await shop.customer(phone, { name: 'Hal' });
    await shop.book(customerId, laTime('2026-11-23T12:00'), { staff: 'c' });
    await h.eventually(async () => expect(await delayedReminders()).toBe(OFFSETS_SECONDS.length), HANG_MS);
    await redis.stop();
    // The first reminder (8 s ahead) falls due while Redis is away; the second (4 s) is still ahead.
    await h.clock.until('2026-11-23T11:59:53-08:00');
    await redis.start();
    const reminders = () => h.fake.to(phone).filter((r) => r.form.Body.startsWith('Reminder'));
    await h.fake.waitFor(() => reminders().length >= 2, HANG_MS);
    await new Promise((r) => setTimeout(r, 1_000));
    const sentAt = reminders().map((r) => h.clock.at(r.at).getTime());
    expect(sentAt).toHaveLength(2);
    for (const at of sentAt) {
      expect(at).toBeGreaterThanOrEqual(laTime('2026-11-23T11:59:52').getTime());
      expect(at).toBeLessThan(laTime('2026-11-23T12:00').getTime());
    }
  },
  4 * HANG_MS,
);

it(
  'runs again the outbox rows whose jobs Redis lost before they ran, when the workers start on an empty Redis',
  async () => {
    await h.stop();
    h.clock.set('2026-11-23T12:29:30-08:00');
    const customerId = await shop.customer('+15557300001', { name: 'Gus' });
    const visit = await shop.book(customerId, laTime('2026-11-23T12:30'), { staff: 'b' });
    // What a relay leaves when Redis dies right after it: rows marked done, their jobs gone.
    await h.query(`UPDATE outbox SET processed_at = now() WHERE processed_at IS NULL`);
    const admin = new IORedis(redis.url);
    await admin.flushall();
    admin.disconnect();
    const noticesBefore = h.fake.to(OWNER).length;

    await h.start({ ...FAST, reconcile: { markerCheckMs: 100 } });
    await h.fake.waitFor((all) => all.filter((r) => r.form.To === OWNER).length > noticesBefore, HANG_MS);
    await h.eventually(async () => expect(await delayedReminders()).toBe(OFFSETS_SECONDS.length), HANG_MS);
    // Nothing more comes of it: the notice went once.
    await new Promise((r) => setTimeout(r, 500));
    const notices = h.fake.to(OWNER).slice(noticesBefore);
    expect(notices.map((r) => r.form.Body)).toEqual([expect.stringContaining(visit.reference)]);
  },
  4 * HANG_MS,
);
