import { DateTime } from 'luxon';
import { type Config, loadConfig } from '../../../core/config';
import { createLogger } from '../../../core/logger';
import { createRuntime, type Runtime } from '../../../core/runtime';
import { createBookingServices, type BookingServices } from '../../../booking';
import type { Actor } from '../../../booking/actor';
import { seedBusiness } from '../../../booking/businesses/seed';
import type { AppointmentRow } from '../../../booking/db/entities/appointment';
import type { MessageRow } from '../../../booking/db/entities/message';
import { bookingSchema } from '../../../booking/db/schema';
import type { Catalog } from '../../../booking/repositories/catalog';
import { findOrCreateCustomer } from '../../../booking/repositories/customers';
import { poolSql } from '../../../booking/repositories/sql';
import { type RunningWorkers, startWorkers, type WorkerOptions } from '../../../workers/start';
import { type BusinessFileDraft, testBusinessFile } from '../../helpers/business';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { FakeTwilio } from '../../helpers/fake-twilio';
import { deleteRedisKeys, testRedisPrefix } from '../../helpers/redis';
import { ShiftedClock } from './shifted-clock';

export const ACCOUNT_SID = `AC${'5'.repeat(32)}`;
export const AUTH_TOKEN = 'test-auth-token-0123456789';
export const LA = 'America/Los_Angeles';
export const laTime = (text: string) => DateTime.fromISO(text, { zone: LA }).toJSDate();

/** Test defaults: no pacing (tests that measure it set a rate), quick retries, quick relay. */
export const FAST: WorkerOptions = {
  sendRate: () => Infinity,
  sendRetry: { attempts: 4, backoffMs: 200 },
  reminderLeadMs: 1_000,
  relay: { intervalMs: 50 },
  digests: false,
};

export interface Shop {
  businessId: string;
  catalog: Catalog;
  /** The business's number (its first channel address). */
  number: string;
  staffId(key: string): string;
  serviceId(key?: string): string;
  customer(phone: string, extra?: { locale?: 'en' | 'es'; name?: string }): Promise<string>;
  book(
    customerId: string,
    start: Date,
    options?: { staff?: string; actor?: Actor; channel?: 'sms' | 'whatsapp' },
  ): Promise<AppointmentRow>;
}

/**
 * The real workers on a database, Redis prefix and fake Twilio of this file's own, with a clock
 * that runs in real time from the morning the test chooses.
 */
export class Harness {
  workers: RunningWorkers | null = null;
  readonly booking: BookingServices;

  private constructor(
    readonly database: TestDatabase,
    readonly runtime: Runtime,
    readonly clock: ShiftedClock,
    readonly fake: FakeTwilio,
    readonly config: Config,
  ) {
    this.booking = createBookingServices(runtime.db, clock);
  }

  static async create(name: string, options: { now: string; env?: Record<string, string> }): Promise<Harness> {
    const database = await createTestDatabase();
    const fake = await FakeTwilio.start(ACCOUNT_SID, AUTH_TOKEN);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      REDIS_PREFIX: testRedisPrefix(name),
      PUBLIC_BASE_URL: 'https://textbook.test.example',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_URL: fake.url,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...options.env,
    });
    const clock = new ShiftedClock(options.now);
    const runtime = await createRuntime(config, { schema: bookingSchema, clock, log: createLogger(config) });
    return new Harness(database, runtime, clock, fake, config);
  }

  async start(options: WorkerOptions = FAST): Promise<void> {
    this.workers = await startWorkers(this.runtime, options);
  }

  async stop(): Promise<void> {
    await this.workers?.close();
    this.workers = null;
  }

  async close(): Promise<void> {
    await this.stop();
    await this.fake.close();
    await deleteRedisKeys(this.config.redisUrl, this.runtime.redisPrefix).catch(() => undefined);
    await this.runtime.close();
    await this.database.drop();
  }

  /** A business from the test file template; `offsetsSeconds` sets reminder offsets finer than the file allows. */
  async shop(change: (file: BusinessFileDraft) => void = () => {}, offsetsSeconds?: number[]): Promise<Shop> {
    const file = testBusinessFile((f) => {
      f.settings = { ...f.settings, minNoticeMinutes: 0 };
      change(f);
    });
    const { businessId } = await seedBusiness(this.runtime.db, file, { production: false, env: {} });
    if (offsetsSeconds) {
      await this.query(
        `UPDATE business SET settings = jsonb_set(settings, '{reminderOffsetsMinutes}', $2::jsonb) WHERE id = $1`,
        [businessId, JSON.stringify(offsetsSeconds.map((s) => s / 60))],
      );
    }
    const catalog = await this.booking.catalogs.byId(businessId);
    const sql = poolSql(this.runtime.db);
    return {
      businessId,
      catalog,
      number: catalog.endpoints[0].address,
      staffId: (key) => catalog.staff.find((s) => s.key === key)!.id,
      serviceId: (key = 'oil-change') => catalog.services.find((s) => s.key === key)!.id,
      customer: async (phone, extra = {}) => (await findOrCreateCustomer(sql, businessId, phone, extra)).id,
      book: async (customerId, start, o = {}) => {
        const outcome = await this.booking.appointments.book({
          businessId,
          customerId,
          start,
          serviceId: catalog.services[0].id,
          staffId: o.staff ? catalog.staff.find((s) => s.key === o.staff)!.id : undefined,
          channel: o.channel ?? 'sms',
          actor: o.actor ?? { kind: 'customer', customerId },
        });
        if (!outcome.ok) throw new Error(`booking at ${start.toISOString()} refused: ${outcome.reason}`);
        return outcome.appointment;
      },
    };
  }

  query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.database.db.query(text, params);
  }

  async messages(where = 'true', params: unknown[] = []): Promise<MessageRow[]> {
    return this.query<MessageRow>(
      `SELECT id, purpose, status, error_code AS "errorCode", provider_sid AS "providerSid", to_address AS "toAddress", from_address AS "fromAddress",
              body, appointment_id AS "appointmentId", customer_id AS "customerId", channel
         FROM message WHERE direction = 'outbound' AND (${where}) ORDER BY created_at`,
      params,
    );
  }

  /** Polls until `check` passes (it throws while not yet). */
  async eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }
}
