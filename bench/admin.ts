import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { DateTime } from 'luxon';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { hashPassword } from '../core/password';
import { createRuntime } from '../core/runtime';
import { createBookingServices } from '../booking';
import { parseBusinessFile } from '../booking/businesses/business-file';
import { seedBusiness } from '../booking/businesses/seed';
import { bookingSchema } from '../booking/db/schema';
import { createBot } from '../bot';
import { buildApp } from '../api/app';
import { freshDatabase, report, round } from './support';

/**
 * The admin page's heaviest reads for a business with 2,000 appointments over a year and 500
 * customers: a day's list, a week's list and the calendar feed of the year, each at a fixed
 * 50 requests/s (p50/p99) and at full load, next to two ceilings measured in the same run: a bare
 * Fastify route, and the admin API's cheapest signed-in route (`/me`: cookie, session row, admin).
 */
const RATE = Number(process.env.BENCH_RATE ?? 50);
/**
 * A calendar app polls a feed every 15 minutes to a day: hundreds of subscribers make well under
 * one request a second. The feed is measured at this rate, the lists at RATE.
 */
const FEED_RATE = Number(process.env.BENCH_FEED_RATE ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const APPOINTMENTS = 2000;
const CUSTOMERS = 500;
const ZONE = 'America/Los_Angeles';
const PUBLIC = 'https://bench.example';
const execFileAsync = promisify(execFile);

const STAFF = ['ana', 'bo', 'cy'];
const SERVICES = [
  { key: 'oil-change', names: { en: 'Oil change' }, durationMinutes: 45, bufferMinutes: 30, price: 49 },
  { key: 'brakes', names: { en: 'Brake pads' }, durationMinutes: 90, bufferMinutes: 30, price: 189 },
  { key: 'battery', names: { en: 'Battery' }, durationMinutes: 30, bufferMinutes: 15, price: 129 },
  { key: 'diagnostics', names: { en: 'Diagnostics' }, durationMinutes: 60, bufferMinutes: 30, price: 89 },
];

async function load(plan: Record<string, unknown>): Promise<Record<string, number>> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'http-load.ts'), JSON.stringify(plan)],
    {
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

/**
 * 2,000 visits, Monday to Saturday over the 52 weeks around now: ~6 a day across three staff
 * members, two hours apart each (no overlap), past ones mostly completed, future ones booked.
 */
function appointmentRows(
  businessId: string,
  staffIds: string[],
  serviceIds: string[],
  customerIds: string[],
  now: DateTime,
) {
  const firstMonday = now.startOf('week').minus({ weeks: 26 });
  const workingDays = 52 * 6;
  const rows: unknown[][] = [];
  let dayStart = 0;
  let lastDay = -1;
  for (let i = 0; i < APPOINTMENTS; i++) {
    const dayIndex = Math.floor((i * workingDays) / APPOINTMENTS);
    if (dayIndex !== lastDay) {
      dayStart = i;
      lastDay = dayIndex;
    }
    const slot = i - dayStart;
    const day = firstMonday.plus({ days: Math.floor(dayIndex / 6) * 7 + (dayIndex % 6) });
    const start = day.set({ hour: 8 + 2 * Math.floor(slot / 3), minute: 0 });
    const service = SERVICES[i % SERVICES.length];
    const end = start.plus({ minutes: service.durationMinutes });
    const past = start < now;
    const roll = (i * 7919) % 100;
    const status = past
      ? roll < 80
        ? 'completed'
        : roll < 85
          ? 'no_show'
          : 'cancelled'
      : roll < 70
        ? 'booked'
        : roll < 90
          ? 'confirmed'
          : 'cancelled';
    rows.push([
      businessId,
      staffIds[slot % 3],
      serviceIds[i % SERVICES.length],
      customerIds[(i * 37) % CUSTOMERS],
      status,
      start.toJSDate(),
      end.toJSDate(),
      end.plus({ minutes: service.bufferMinutes }).toJSDate(),
      `B${i.toString(36).toUpperCase().padStart(4, '0')}`,
      i % 5 === 0 ? 'admin' : 'sms',
      `${100 + (i % 900)} Main St`,
    ]);
  }
  return rows;
}

export async function run(): Promise<void> {
  const { db, url, drop } = await freshDatabase('textbook_bench_admin', 1);
  await db.destroy();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '10',
    PUBLIC_BASE_URL: PUBLIC,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: 'bench-admin',
    // The requests say they came through a TLS proxy (X-Forwarded-Proto), as in production.
    TRUST_PROXY: 'loopback',
  });
  const runtime = await createRuntime(config, { schema: bookingSchema, log: createLogger(config) });
  try {
    const open = ['08:00-18:00'];
    const { businessId } = await seedBusiness(
      runtime.db,
      parseBusinessFile({
        slug: 'bench-shop',
        name: 'Bench Shop',
        timezone: ZONE,
        locale: 'en',
        channels: [{ channel: 'sms', address: '+15559990002' }],
        hours: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open },
        settings: { minNoticeMinutes: 0, horizonDays: 400 },
        staff: STAFF.map((key) => ({ key, name: key.toUpperCase() })),
        services: SERVICES,
      }),
      { production: false, env: {} },
    );
    const q = (text: string, params: unknown[] = []) => runtime.db.query(text, params);
    const ids = async (table: string) =>
      (await q(`SELECT id FROM ${table} WHERE business_id = $1 ORDER BY position`, [businessId])).map(
        (r: { id: string }) => r.id,
      );
    const customerIds = (
      await q(
        `INSERT INTO customer (business_id, phone, name, details)
         SELECT $1, '+1555600' || lpad(n::text, 4, '0'), 'Customer ' || n, jsonb_build_object('vehicle', 'Car ' || n) FROM generate_series(1, $2) n
         RETURNING id`,
        [businessId, CUSTOMERS],
      )
    ).map((r: { id: string }) => r.id);
    const now = DateTime.now().setZone(ZONE);
    const rows = appointmentRows(businessId, await ids('staff'), await ids('service'), customerIds, now);
    const column = (i: number) => rows.map((r) => r[i]);
    await q(
      `INSERT INTO appointment (business_id, staff_id, service_id, customer_id, kind, status, starts_at, ends_at, busy_until, reference, source_channel, address)
       SELECT b, st, se, c, 'visit', s, a, e, u, r, ch, ad
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[], $11::text[])
           AS t (b, st, se, c, s, a, e, u, r, ch, ad)`,
      Array.from({ length: 11 }, (_, i) => column(i)),
    );
    await q(`INSERT INTO admin_user (business_id, email, password_hash) VALUES ($1, 'bench@example.com', $2)`, [
      businessId,
      await hashPassword('bench-password'),
    ]);
    await q('ANALYZE');

    const booking = createBookingServices(runtime.db, runtime.clock);
    const app = await buildApp(runtime, { booking, bot: createBot(runtime, booking) });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const ceiling = Fastify({ logger: false });
    ceiling.get('/bare', async () => ({ ok: true }));
    const bareUrl = `${await ceiling.listen({ port: 0, host: '127.0.0.1' })}/bare`;

    const proxy = { 'x-forwarded-proto': 'https' };
    const login = await fetch(`${base}/api/admin/login`, {
      method: 'POST',
      headers: { ...proxy, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password' }),
    });
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const headers = { ...proxy, cookie };
    const feeds = (await (await fetch(`${base}/api/admin/calendar-feeds`, { headers })).json()) as {
      feeds: { url: string }[];
    };
    const monday = now.startOf('week').plus({ weeks: 1 });
    const day = monday.toISODate();
    const targets = {
      ceiling_bare_route: [bareUrl],
      ceiling_signed_in_me: [`${base}/api/admin/me`],
      day_list: [`${base}/api/admin/appointments?from=${day}`],
      week_list: [`${base}/api/admin/appointments?from=${day}&to=${monday.plus({ days: 6 }).toISODate()}`],
      ics_feed_year: [`${base}${new URL(feeds.feeds[0].url).pathname}`],
    };
    const listed = async (url: string) =>
      ((await (await fetch(url, { headers })).json()) as { appointments: unknown[] }).appointments.length;
    const counts = {
      day_list: await listed(targets.day_list[0]),
      week_list: await listed(targets.week_list[0]),
      ics_feed_year: ((await (await fetch(targets.ics_feed_year[0])).text()).match(/BEGIN:VEVENT/g) ?? []).length,
    };
    report({ bench: 'admin', measure: 'data', appointments: APPOINTMENTS, customers: CUSTOMERS, ...counts });

    const plan = (urls: string[], mode: 'max' | 'rate', seconds = SECONDS) => ({
      urls,
      headers,
      mode,
      rate: urls === targets.ics_feed_year ? FEED_RATE : RATE,
      concurrency: CONCURRENCY,
      seconds,
      leadInSeconds: mode === 'rate' ? 1 : 0,
    });
    // Warm-up: V8 compiles the routes' code and the pool opens its connections before anything is timed.
    for (const urls of Object.values(targets)) await load(plan(urls, 'max', 2));
    const results: Record<string, Record<string, number>> = {};
    for (const mode of ['rate', 'max'] as const) {
      for (const [measure, urls] of Object.entries(targets)) {
        const r = await load(plan(urls, mode));
        results[`${measure}:${mode}`] = r;
        const bare = results[`ceiling_bare_route:${mode}`];
        report({
          bench: 'admin',
          measure,
          mode: mode === 'rate' ? `rate_${urls === targets.ics_feed_year ? FEED_RATE : RATE}` : `max_${CONCURRENCY}`,
          requests: r.requests,
          failures: r.failures,
          perSecond: round(r.perSecond),
          p50Ms: round(r.p50Ms, 2),
          p99Ms: round(r.p99Ms, 2),
          maxMs: round(r.maxMs, 2),
          replyBytes: r.bytes,
          ...(measure === 'ceiling_bare_route' || mode === 'rate'
            ? {}
            : { ratioToBareRoute: round(r.perSecond / bare.perSecond, 3) }),
        });
      }
    }
    await app.close();
    await ceiling.close();
  } finally {
    const keys = await runtime.redis.keys('bench-admin:*');
    if (keys.length) await runtime.redis.del(...keys);
    await runtime.close();
    await drop();
  }
}
