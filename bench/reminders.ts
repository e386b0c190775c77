import { randomBytes } from 'node:crypto';
import { type Job, Queue } from 'bullmq';
import { loadConfig } from '../core/config';
import type { Redis } from '../core/redis';
import { createRuntime } from '../core/runtime';
import { parseBusinessFile } from '../booking/businesses/business-file';
import { seedBusiness } from '../booking/businesses/seed';
import { bookingSchema } from '../booking/db/schema';
import { QUEUES, type SendJob } from '../workers/queues';
import { UNLIMITED } from '../workers/senders/send-rates';
import { TwilioTransport } from '../workers/senders/twilio-transport';
import { startWorkers } from '../workers/start';
import { FakeTwilio } from '../test/helpers/fake-twilio';
import { deleteRedisKeys } from '../test/helpers/redis';
import { freshDatabase, percentile, report, round } from './support';

/**
 * 10,000 reminders due in the same second across 50 businesses, through the whole pipeline:
 * outbox rows → relay → planning → reminder jobs (run LEAD ahead) → the outbound sender → the fake
 * Twilio server, at an unlimited sending rate. Lateness is measured against the due second at three
 * points: handed to the sender (the send job is in the outbound queue and due), picked up by it,
 * and received by the fake Twilio. The ceiling for outbound throughput is the twilio client
 * calling the same fake server directly, at the same concurrency, with no queue or database.
 */
const BUSINESSES = Number(process.env.BENCH_BUSINESSES ?? 50);
const PER_BUSINESS = Number(process.env.BENCH_PER_BUSINESS ?? 200);
const TOTAL = BUSINESSES * PER_BUSINESS;
const LEAD_MS = Number(process.env.BENCH_LEAD_MS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const ACCOUNT_SID = `AC${'7'.repeat(32)}`;
const AUTH_TOKEN = 'bench-auth-token-0123456789';
const OFFSET_MINUTES = 1;

export async function run(): Promise<void> {
  const { db, drop } = await freshDatabase('textbook_bench_reminders', 20);
  const fake = await FakeTwilio.start(ACCOUNT_SID, AUTH_TOKEN);
  const config = loadConfig({
    REDIS_URL: process.env.REDIS_URL,
    DATABASE_URL: (db.options as { url: string }).url,
    DATABASE_POOL_SIZE: '20',
    REDIS_PREFIX: `bench-reminders-${randomBytes(3).toString('hex')}`,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_URL: fake.url,
    LOG_LEVEL: 'error',
  });
  const runtime = await createRuntime(config, { schema: bookingSchema });
  try {
    const t0 = performance.now();
    await seed(db);
    // Due on a whole second, far enough ahead for planning and the lead.
    const due = Math.ceil((Date.now() + LEAD_MS + 15_000) / 1000) * 1000;
    await scheduleVisits(db, new Date(due + OFFSET_MINUTES * 60_000));
    report({
      bench: 'reminders',
      measure: 'setup',
      businesses: BUSINESSES,
      reminders: TOTAL,
      seconds: round((performance.now() - t0) / 1000, 1),
      dueInSeconds: round((due - Date.now()) / 1000, 1),
    });

    const workers = await startWorkers(runtime, {
      sendRate: () => UNLIMITED,
      reminderLeadMs: LEAD_MS,
      digests: false,
      concurrency: { reminders: CONCURRENCY, outbound: CONCURRENCY },
    });
    // Keep every event of the outbound queue (BullMQ trims its stream to 10,000 by default): the
    // 'waiting' event of a delayed send job is the moment it was handed to the sender.
    await new Promise((r) => setTimeout(r, 2_000));
    await runtime.redis.hset(`${runtime.redisPrefix}:${QUEUES.outbound}:meta`, 'opts.maxLenEvents', 10 * TOTAL);
    await fake.waitFor((all) => all.length >= TOTAL, LEAD_MS + 15_000 + 120_000);
    await workers.close();

    const outbound = new Queue(QUEUES.outbound, { connection: { url: config.redisUrl }, prefix: runtime.redisPrefix });
    const jobs = (await outbound.getCompleted(0, -1)) as Job<SendJob>[];
    await outbound.close();
    const handedAt = await promotions(runtime.redis, `${runtime.redisPrefix}:${QUEUES.outbound}:events`);
    const prepared = jobs.map((j) => j.timestamp - due);
    const handoff = jobs.map((j) => (handedAt.get(j.id!) ?? Math.max(j.timestamp, due)) - due);
    const pickup = jobs.map((j) => (j.processedOn ?? NaN) - due);
    const arrivals = fake.requests.map((r) => r.at);
    const distinct = new Set(fake.requests.map((r) => `${r.form.From} ${r.form.To}`)).size;
    const delivered = arrivals.map((at) => at - due);
    const lateness = (values: number[]) => ({
      p50Ms: round(percentile(values, 50), 1),
      p99Ms: round(percentile(values, 99), 1),
      maxMs: round(Math.max(...values), 1),
    });
    report({ bench: 'reminders', measure: 'prepared_before_due', leadMs: LEAD_MS, ...lateness(prepared) });
    report({
      bench: 'reminders',
      measure: 'handed_to_sender_lateness',
      jobs: jobs.length,
      targetP99Ms: 1000,
      ...lateness(handoff),
    });
    report({ bench: 'reminders', measure: 'picked_up_by_sender_lateness', ...lateness(pickup) });
    report({
      bench: 'reminders',
      measure: 'received_by_fake_twilio_lateness',
      requests: arrivals.length,
      ...lateness(delivered),
    });
    const spanSeconds = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
    const throughput = arrivals.length / spanSeconds;

    const ceiling = await ceilingThroughput(config, Math.min(TOTAL, 5_000));
    report({
      bench: 'reminders',
      measure: 'outbound_throughput',
      concurrency: CONCURRENCY,
      perSecond: round(throughput),
      ceilingPerSecond: round(ceiling),
      ratioToCeiling: round(throughput / ceiling, 2),
    });
    const [{ sent, other }] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other FROM message`,
    );
    report({ bench: 'reminders', measure: 'rows', sent, other, duplicateRequests: arrivals.length - distinct });
  } finally {
    await deleteRedisKeys(config.redisUrl, runtime.redisPrefix);
    await runtime.close();
    await fake.close();
    await drop();
  }
}

/** 50 businesses, each with 200 mechanics and 200 customers, reminded one minute before. */
async function seed(db: Parameters<typeof seedBusiness>[0]): Promise<void> {
  const allDay = ['00:00-24:00'];
  for (let b = 0; b < BUSINESSES; b++) {
    const file = parseBusinessFile({
      slug: `bench-${b}`,
      name: `Bench Garage ${b}`,
      timezone: 'America/Los_Angeles',
      locale: 'en',
      channels: [{ channel: 'sms', address: `+1555990${String(b).padStart(4, '0')}` }],
      hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay])),
      settings: { reminderOffsetsMinutes: [OFFSET_MINUTES], minNoticeMinutes: 0 },
      staff: [{ key: 's0', name: 'Staff 0' }],
      services: [{ key: 'quick', names: { en: 'Quick job' }, durationMinutes: 30 }],
    });
    await seedBusiness(db, file, { production: false, env: {} });
  }
  await db.query(
    `INSERT INTO staff (business_id, key, name, weekly_hours)
    SELECT b.id, 's' || n, 'Staff ' || n, '{}'::jsonb FROM business b, generate_series(1, $1 - 1) n`,
    [PER_BUSINESS],
  );
  await db.query(
    `INSERT INTO customer (business_id, phone, name)
    SELECT b.id, '+1666' || lpad(n::text, 7, '0'), 'Customer ' || n FROM business b, generate_series(0, $1 - 1) n`,
    [PER_BUSINESS],
  );
}

/** Every staff member sees one customer at the same instant; the outbox asks for reminders. */
async function scheduleVisits(db: Parameters<typeof seedBusiness>[0], start: Date): Promise<void> {
  await db.query(
    `WITH s AS (SELECT id, business_id, row_number() OVER (PARTITION BY business_id ORDER BY key) AS n FROM staff),
          c AS (SELECT id, business_id, row_number() OVER (PARTITION BY business_id ORDER BY phone) AS n FROM customer),
          a AS (
            INSERT INTO appointment (business_id, staff_id, service_id, customer_id, kind, status, starts_at, ends_at, busy_until, reference, source_channel)
            SELECT s.business_id, s.id, sv.id, c.id, 'visit', 'booked', $1, $1::timestamptz + interval '30 minutes', $1::timestamptz + interval '30 minutes', 'R' || lpad(s.n::text, 4, '0'), 'sms'
              FROM s JOIN c ON c.business_id = s.business_id AND c.n = s.n JOIN service sv ON sv.business_id = s.business_id
            RETURNING id, business_id
          )
     INSERT INTO outbox (business_id, topic, payload)
     SELECT business_id, 'reminders.schedule', jsonb_build_object('appointmentId', id, 'version', 1, 'event', 'booked') FROM a`,
    [start],
  );
}

/** When each job left the delayed set: the Redis time in the id of its 'waiting' event. */
async function promotions(redis: Redis, stream: string): Promise<Map<string, number>> {
  const at = new Map<string, number>();
  let start = '-';
  for (;;) {
    const entries = await redis.xrange(stream, start, '+', 'COUNT', 5_000);
    for (const [id, fields] of entries) {
      const event = Object.fromEntries(fields.flatMap((f, i) => (i % 2 ? [] : [[f, fields[i + 1]]])));
      if (event.event === 'waiting' && event.prev === 'delayed') at.set(event.jobId, Number(id.split('-')[0]));
    }
    if (entries.length < 5_000) return at;
    start = `(${entries[entries.length - 1][0]}`;
  }
}

/** The twilio client straight at the fake server, CONCURRENCY requests in flight, no queue or database. */
async function ceilingThroughput(config: ReturnType<typeof loadConfig>, count: number): Promise<number> {
  const transport = new TwilioTransport(config);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        await transport.send({ from: '+15559999999', to: `+1777${String(i).padStart(7, '0')}`, body: 'ceiling' });
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}
