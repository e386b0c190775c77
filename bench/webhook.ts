import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import formbody from '@fastify/formbody';
import Fastify from 'fastify';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { createRuntime } from '../core/runtime';
import { createBookingServices } from '../booking';
import { parseBusinessFile } from '../booking/businesses/business-file';
import { seedBusiness } from '../booking/businesses/seed';
import { bookingSchema } from '../booking/db/schema';
import { inTransaction } from '../booking/repositories/sql';
import { createBot } from '../bot';
import { buildApp } from '../api/app';
import { freshDatabase, report, round } from './support';

/**
 * Complete booking conversations from many phones against the real webhook, and two ceilings
 * on the same machine in the same run: a bare Fastify route (parse the form, fixed TwiML) and
 * one that also runs a single INSERT transaction in Postgres.
 */
const PHONES = Number(process.env.BENCH_PHONES ?? 1500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 48);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const TOKEN = 'bench-auth-token-0123456789';
const PUBLIC = 'https://bench.example';
const TO = '+15559990001';
const PATH = '/webhooks/twilio/messages';
const execFileAsync = promisify(execFile);
/** Its own database and Redis keys, so two runs on one machine never drop each other's. */
const RUN_NAME = `bench_webhook_${process.pid}`;
/** Warm-up conversations use phones and slots after those of the two measured runs. */
const WARM_UP_OFFSET = 2 * PHONES;
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 4);
/**
 * A fixed-rate run first serves a second at that rate unmeasured: the pool has closed its idle
 * connections since the target's last load, and reopening them is not the steady state.
 */
const RATE_LEAD_IN_SECONDS = 1;

/**
 * One load run. Also reports how busy this process's event loop was meanwhile (only the target
 * serves then): near 1 the server is the limit; well under it, the load generator is.
 */
async function load(
  url: string,
  mode: 'max' | 'rate',
  offset: number,
  seconds = SECONDS,
): Promise<Record<string, number>> {
  const plan = {
    url,
    publicUrl: `${PUBLIC}${PATH}`,
    authToken: TOKEN,
    to: TO,
    phones: PHONES,
    offset,
    mode,
    concurrency: CONCURRENCY,
    rate: RATE,
    seconds,
    leadInSeconds: mode === 'rate' ? RATE_LEAD_IN_SECONDS : 0,
  };
  const before = performance.eventLoopUtilization();
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'webhook-load.ts'), JSON.stringify(plan)],
    { maxBuffer: 1 << 24 },
  );
  const result = JSON.parse(stdout.trim().split('\n').pop()!);
  // Active time over the load's own duration (lead-in included): the generator's start-up is
  // idle time for the server.
  return {
    ...result,
    serverEventLoopBusy:
      performance.eventLoopUtilization(before).active / ((result.seconds + plan.leadInSeconds) * 1000),
  };
}

function line(measure: string, mode: string, r: Record<string, number>, extra: Record<string, unknown> = {}) {
  report({
    bench: 'webhook',
    measure,
    mode,
    turns: r.turns,
    failures: r.failures,
    phones: r.phones,
    turnsPerSecond: round(r.turnsPerSecond),
    p50Ms: round(r.p50Ms, 2),
    p99Ms: round(r.p99Ms, 2),
    maxMs: round(r.maxMs, 2),
    serverEventLoopBusy: round(r.serverEventLoopBusy, 2),
    ...extra,
  });
}

export async function run(): Promise<void> {
  const { db, url, drop } = await freshDatabase(`textbook_${RUN_NAME}`, 1);
  await db.destroy();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: process.env.BENCH_POOL ?? '16',
    PUBLIC_BASE_URL: PUBLIC,
    TWILIO_AUTH_TOKEN: TOKEN,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: RUN_NAME,
    INBOUND_LIMIT_PER_WINDOW: '1000',
  });
  const runtime = await createRuntime(config, { schema: bookingSchema, log: createLogger(config) });
  try {
    const allDay = ['00:00-24:00'];
    await seedBusiness(
      runtime.db,
      parseBusinessFile({
        slug: 'bench-garage',
        name: 'Bench Garage',
        timezone: 'America/Los_Angeles',
        locale: 'en',
        channels: [{ channel: 'sms', address: TO }],
        hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, allDay])),
        settings: { slotStepMinutes: 30, minNoticeMinutes: 0, horizonDays: 3650, intakeFields: [] },
        staff: [
          { key: 'a', name: 'Ana' },
          { key: 'b', name: 'Bo' },
        ],
        services: [{ key: 'tune-up', names: { en: 'Tune-up' }, durationMinutes: 30, price: 99 }],
      }),
      { production: false, env: {} },
    );
    const booking = createBookingServices(runtime.db, runtime.clock);
    const app = await buildApp(runtime, { booking, bot: createBot(runtime, booking) });
    const appUrl = `${await app.listen({ port: 0, host: '127.0.0.1' })}${PATH}`;

    await runtime.db.query(
      'CREATE TABLE bench_ceiling (id bigserial PRIMARY KEY, sid text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
    );
    const ceilings = Fastify({ logger: false });
    await ceilings.register(formbody);
    const twiml = '<?xml version="1.0" encoding="UTF-8"?><Response><Message>ok</Message></Response>';
    ceilings.post('/bare', async (_req, reply) => reply.type('text/xml').send(twiml));
    ceilings.post('/insert', async (req, reply) => {
      const form = req.body as Record<string, string>;
      await inTransaction(runtime.db, (tx) =>
        tx.rows('INSERT INTO bench_ceiling (sid, body) VALUES ($1, $2)', [form.MessageSid, form.Body]),
      );
      return reply.type('text/xml').send(twiml);
    });
    const ceilingUrl = await ceilings.listen({ port: 0, host: '127.0.0.1' });

    // Every target first serves an unmeasured warm-up load (other phones, other slots), so the
    // figures compare optimised code with optimised code, not V8's first compilations.
    for (const url of [`${ceilingUrl}/bare`, `${ceilingUrl}/insert`, appUrl])
      await load(url, 'max', WARM_UP_OFFSET, WARM_UP_SECONDS);
    await runtime.db.query('TRUNCATE bench_ceiling');
    // Autovacuum would have analysed the tables after a load like the warm-up (this machine's
    // Postgres runs with it off), and the plans cached meanwhile would be made again with the
    // tables' real sizes.
    await runtime.db.query('ANALYZE');
    const bare = await load(`${ceilingUrl}/bare`, 'max', 0);
    line('ceiling_bare_route', 'max', bare);
    const insert = await load(`${ceilingUrl}/insert`, 'max', 0);
    line('ceiling_insert_transaction', 'max', insert);
    const full = await load(appUrl, 'max', 0);
    line('booking_conversations', 'max', full, {
      ratioToInsertCeiling: round(full.turnsPerSecond / insert.turnsPerSecond, 2),
      ratioToBareRoute: round(full.turnsPerSecond / bare.turnsPerSecond, 2),
    });
    line('ceiling_bare_route', `rate_${RATE}`, await load(`${ceilingUrl}/bare`, 'rate', 0));
    line('ceiling_insert_transaction', `rate_${RATE}`, await load(`${ceilingUrl}/insert`, 'rate', 0));
    line('booking_conversations', `rate_${RATE}`, await load(appUrl, 'rate', PHONES));

    const [{ bookings }] = await runtime.db.query(`SELECT count(*)::int AS bookings FROM appointment`);
    const [{ overlaps }] = await runtime.db.query(
      `SELECT count(*)::int AS overlaps FROM appointment a JOIN appointment b ON a.staff_id = b.staff_id AND a.id < b.id AND tstzrange(a.starts_at, a.busy_until) && tstzrange(b.starts_at, b.busy_until) WHERE a.status = 'booked' AND b.status = 'booked'`,
    );
    report({ bench: 'webhook', measure: 'after', bookings, overlaps });
    await app.close();
    await ceilings.close();
  } finally {
    const keys = await runtime.redis.keys(`${RUN_NAME}:*`);
    if (keys.length) await runtime.redis.del(...keys);
    await runtime.close();
    await drop();
  }
}
