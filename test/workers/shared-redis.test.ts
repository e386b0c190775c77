import { Queue } from 'bullmq';
import { loadConfig } from '../../core/config';
import { markerKey } from '../../core/deployment';
import { createRuntime } from '../../core/runtime';
import { bookingSchema } from '../../booking/db/schema';
import { JOBS, jobIds, QUEUES } from '../../workers/queues';
import { startWorkers } from '../../workers/start';
import { createTestDatabase } from '../helpers/db';
import { FAST, Harness, laTime, type Shop } from './support/harness';

/**
 * Two deployments, each its own database, runtime, workers and fake Twilio, on one Redis with no
 * REDIS_PREFIX set: the same business file loaded in both (as a test run and a development server
 * would), both with a visit at 10:00, a reminder 3 s before it and the owner's daily digest. On
 * one shared prefix their outbox job ids (`outbox-1`, …) would collide and each digest sync would
 * remove the other's schedule; here each sends exactly its own messages.
 */
const NOW = '2026-11-23T09:59:50-08:00';
const OWNER = '+15550109999';
const SAME_FILE = (f: Record<string, unknown>) => {
  f.slug = 'edgars-twin';
  f.channels = [{ channel: 'sms', address: '+15556000000' }];
  f.settings = { ...(f.settings as object), digestTime: '07:00' };
};
const people = { a: { phone: '+15556100001', name: 'Ann' }, b: { phone: '+15556200001', name: 'Ben' } };

const side = {} as Record<'a' | 'b', { h: Harness; shop: Shop; digest: Queue; reference: string }>;

beforeAll(async () => {
  for (const key of ['a', 'b'] as const) {
    const h = await Harness.create(`shared-${key}`, { now: NOW, env: { REDIS_PREFIX: '' } });
    const shop = await h.shop(SAME_FILE, [3]);
    const digest = new Queue(QUEUES.digest, { connection: { url: h.config.redisUrl }, prefix: h.runtime.redisPrefix });
    side[key] = { h, shop, digest, reference: '' };
  }
  await Promise.all(Object.values(side).map(({ h }) => h.start({ ...FAST, digests: true })));
  for (const key of ['a', 'b'] as const) {
    const { h, shop } = side[key];
    h.clock.set('2026-11-23T09:59:52-08:00');
    const customerId = await shop.customer(people[key].phone, { name: people[key].name });
    side[key].reference = (await shop.book(customerId, laTime('2026-11-23T10:00'))).reference;
  }
}, 30_000);
afterAll(async () => {
  for (const { h, digest } of Object.values(side)) {
    await digest?.close();
    await h?.close();
  }
});

describe('two deployments on one Redis', () => {
  it('each get a prefix of their own, derived from their database, and claim it', async () => {
    const [a, b] = [side.a.h.runtime, side.b.h.runtime];
    expect(a.redisPrefix).toMatch(/^textbook-textbook_test_\w+-[0-9a-f]{8}$/);
    expect(a.redisPrefix).not.toBe(b.redisPrefix);
    expect(JSON.parse((await a.redis.get(markerKey(a.redisPrefix)))!)).toEqual({
      id: a.deployment.id,
      database: a.deployment.database,
    });
  });

  it("each send only their own booking's owner notice and reminder", async () => {
    for (const key of ['a', 'b'] as const) {
      const { h, reference } = side[key];
      const other = key === 'a' ? people.b : people.a;
      await h.fake.waitFor(() => h.fake.to(people[key].phone).length >= 1 && h.fake.to(OWNER).length >= 1, 15_000);
      expect(h.fake.to(OWNER).map((r) => r.form.Body)).toEqual([expect.stringContaining(people[key].name)]);
      expect(h.fake.to(people[key].phone).map((r) => r.form.Body)).toEqual([
        expect.stringMatching(new RegExp(`^Reminder: .* Ref ${reference}\\.$`)),
      ]);
      expect(h.fake.to(other.phone)).toHaveLength(0);
      expect(h.fake.requests.filter((r) => r.form.Body.includes(other.name))).toHaveLength(0);
    }
  });

  it("each keep their own digest schedule, and send their own business's digest", async () => {
    for (const key of ['a', 'b'] as const) {
      const { h, shop, digest, reference } = side[key];
      const scheduled = await h.eventually(async () => {
        const job = (await digest.getDelayed()).find((j) => j.repeatJobKey === jobIds.digestScheduler(shop.businessId));
        expect(job).toBeDefined();
        return job!;
      });
      expect((await digest.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
        [jobIds.digestScheduler(shop.businessId), jobIds.digestSync()].sort(),
      );
      await scheduled.promote();
      const digests = await h.fake
        .waitFor(() => h.fake.to(OWNER).length >= 2)
        .then(() =>
          h.fake
            .to(OWNER)
            .slice(1)
            .map((r) => r.form.Body),
        );
      expect(digests).toEqual([
        `Test Shop, Mon Nov 23:\n10:00 AM ${reference} Oil change, ${people[key].name} (booked)\nFree: 10:45 AM-5:00 PM`,
      ]);
    }
  });
});

describe('a deployment', () => {
  it('refuses to start its workers on a prefix another database claimed, naming both', async () => {
    const claimed = side.a.h.runtime;
    const database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_PREFIX: claimed.redisPrefix,
      LOG_LEVEL: 'silent',
    });
    const runtime = await createRuntime(config, { schema: bookingSchema });
    try {
      expect(runtime.redisPrefix).toBe(claimed.redisPrefix);
      const refusal = await startWorkers(runtime, FAST).then(
        async (workers) => {
          await workers.close();
          return 'started';
        },
        (error: Error) => error.message,
      );
      expect(refusal).toContain(`the Redis prefix "${claimed.redisPrefix}" belongs to the database`);
      expect(refusal).toContain(claimed.deployment.database);
      expect(refusal).toContain(runtime.deployment.database);
      expect(claimed.deployment.database).not.toBe(runtime.deployment.database);
    } finally {
      await runtime.close();
      await database.drop();
    }
  });

  it('removes only the digest schedulers it made itself', async () => {
    const { h, digest, shop } = side.b;
    await h.stop();
    const gone = '00000000-0000-4000-8000-000000000001';
    const foreign = '00000000-0000-4000-8000-000000000002';
    await digest.upsertJobScheduler(
      jobIds.digestScheduler(gone),
      { pattern: '0 7 * * *', tz: 'UTC' },
      { name: JOBS.digest, data: { businessId: gone, deploymentId: h.runtime.deployment.id } },
    );
    await digest.upsertJobScheduler(
      jobIds.digestScheduler(foreign),
      { pattern: '0 7 * * *', tz: 'UTC' },
      { name: JOBS.digest, data: { businessId: foreign, deploymentId: side.a.h.runtime.deployment.id } },
    );
    await h.start({ ...FAST, digests: true });
    await h.eventually(async () => expect(await digest.getJobScheduler(jobIds.digestScheduler(gone))).toBeUndefined());
    expect((await digest.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
      [jobIds.digestScheduler(shop.businessId), jobIds.digestScheduler(foreign), jobIds.digestSync()].sort(),
    );
  });
});
