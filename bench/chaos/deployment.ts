import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../core/db';
import { parseBusinessFile } from '../../booking/businesses/business-file';
import { seedBusiness } from '../../booking/businesses/seed';
import { bookingSchema } from '../../booking/db/schema';
import { FakeTwilio } from '../../test/helpers/fake-twilio';
import { OwnPostgres } from '../../test/helpers/postgres';
import { freePort, OwnRedis } from '../../test/helpers/redis';

export const ACCOUNT_SID = `AC${'c'.repeat(32)}`;
export const AUTH_TOKEN = 'chaos-auth-token-0123456789';
export const PUBLIC_BASE_URL = 'https://chaos.example';
export const OWNER = '+447700900999';
/** Two businesses, SMS, open round the clock in UTC: one with many mechanics, one small. */
export const SHOPS = {
  big: { slug: 'chaos-big', name: 'Big Garage', number: '+447700900001', staff: 40 },
  small: { slug: 'chaos-small', name: 'Small Garage', number: '+447700900002', staff: 2 },
} as const;
const ALL_DAY = ['00:00-24:00'];
/** The big shop's reminders, finer than a business file allows: seconds before the visit. */
export const REMINDER_OFFSETS_SECONDS = [50, 25];

/**
 * A running deployment of the app on servers of its own, all on loopback: a private Postgres
 * and Redis the faults stop and wipe, the fake Twilio counting what is sent, and the app itself
 * as `npm start` runs it (API and workers in one process), its log lines kept for reading.
 */
export class ChaosDeployment {
  readonly logLines: string[] = [];
  /** Phones, names and texts the traffic used: none may appear in a log line. */
  readonly personalData = new Set<string>();
  private app: ChildProcess | null = null;

  private constructor(
    readonly pg: OwnPostgres,
    readonly redis: OwnRedis,
    readonly fake: FakeTwilio,
    /** The bench's own connection to the app's database, to count what was stored. */
    readonly db: DataSource,
    readonly port: number,
  ) {}

  static async start(): Promise<ChaosDeployment> {
    const [pg, redis, fake] = await Promise.all([
      OwnPostgres.start(),
      OwnRedis.start(),
      FakeTwilio.start(ACCOUNT_SID, AUTH_TOKEN),
    ]);
    const url = await pg.createMigratedDatabase('textbook_chaos');
    const db = createDataSource({ databaseUrl: url, databasePoolSize: 4 }, bookingSchema);
    await db.initialize();
    for (const shop of Object.values(SHOPS)) await seedBusiness(db, shopFile(shop), { production: false, env: {} });
    // Before the app starts: it keeps a business's settings for 30 s once read.
    await db.query(
      `UPDATE business SET settings = jsonb_set(settings, '{reminderOffsetsMinutes}', $2::jsonb) WHERE slug = $1`,
      [SHOPS.big.slug, JSON.stringify(REMINDER_OFFSETS_SECONDS.map((s) => s / 60))],
    );
    const deployment = new ChaosDeployment(pg, redis, fake, db, await freePort());
    await deployment.startApp();
    return deployment;
  }

  /** Where the app keeps inbound messages on disk while neither Postgres nor Redis takes them. */
  get spoolDir(): string {
    return join(tmpdir(), `textbook-chaos-spool-${this.port}`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.db.query(text, params);
  }

  async close(): Promise<void> {
    await this.stopApp();
    await this.db.destroy().catch(() => undefined);
    await Promise.allSettled([
      this.pg.destroy(),
      this.redis.stop(),
      this.fake.close(),
      rm(this.spoolDir, { recursive: true, force: true }),
    ]);
  }

  private async startApp(): Promise<void> {
    const app = spawn(join('node_modules', '.bin', 'tsx'), ['api/main.ts'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        DATABASE_URL: this.pg.url('textbook_chaos'),
        REDIS_URL: this.redis.url,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL,
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_API_URL: this.fake.url,
        LOG_LEVEL: 'info',
        SEED_DEMO: 'never',
        INBOUND_SPOOL_DIR: this.spoolDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.app = app;
    let partial = '';
    const keep = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      this.logLines.push(...lines.filter(Boolean));
    };
    app.stdout?.on('data', keep);
    app.stderr?.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (app.exitCode !== null)
        throw new Error(`the app exited (${app.exitCode}): ${this.logLines.slice(-5).join('\n')}`);
      const up = await fetch(`${this.baseUrl}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the app did not answer /health within a minute');
  }

  private async stopApp(): Promise<void> {
    const app = this.app;
    if (!app || app.exitCode !== null) return;
    const exited = new Promise((resolve) => app.once('exit', resolve));
    app.kill('SIGTERM');
    const timer = setTimeout(() => app.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

function shopFile(shop: (typeof SHOPS)[keyof typeof SHOPS]) {
  return parseBusinessFile(
    {
      slug: shop.slug,
      name: shop.name,
      timezone: 'UTC',
      locale: 'en',
      ownerPhones: [OWNER],
      channels: [{ channel: 'sms', address: shop.number }],
      hours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
      settings: { slotStepMinutes: 1, minNoticeMinutes: 0, horizonDays: 30, bufferMinutes: 0, intakeFields: [] },
      staff: Array.from({ length: shop.staff }, (_, i) => ({ key: `m${i}`, name: `Mechanic ${i}` })),
      services: [{ key: 'oil-change', names: { en: 'Oil change' }, durationMinutes: 45, price: 49 }],
    },
    shop.slug,
  );
}
