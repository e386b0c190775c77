import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import twilio from 'twilio';
import { FixedClock } from '../../core/clock';
import { type Config, loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';
import { createRuntime, type Runtime } from '../../core/runtime';
import { createBookingServices, type BookingServices } from '../../booking';
import { bookingSchema } from '../../booking/db/schema';
import { DEMO_BUSINESS_FILES, seedBusinessFile } from '../../booking/businesses/seed';
import { type BotOptions, createBot } from '../../bot';
import type { DialogEngine } from '../../dialogs/engine/types';
import { buildApp } from '../../api/app';
import { createTestDatabase, type TestDatabase } from './db';
import { OwnRedis } from './redis';

/** The URL Twilio is configured with; requests really go to the local port, as behind a proxy. */
export const PUBLIC_BASE_URL = 'https://textbook.test.example';
export const AUTH_TOKEN = 'test-auth-token-0123456789';
/**
 * The admin page is served over https by a proxy that terminates TLS (API Gateway, an ALB): its
 * Secure cookie and per-IP limits need the proxy's X-Forwarded-Proto and -For believed.
 */
export const BEHIND_TLS_PROXY = { TRUST_PROXY: 'loopback' };

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  booking: BookingServices;
  clock: FixedClock;
  database: TestDatabase;
  baseUrl: string;
  config: Config;
  close(): Promise<void>;
}

/**
 * The real app over real HTTP, on its own database and Redis prefix, with the demo businesses. The
 * dialog engine is the one the configuration selects, unless `engine` builds it (to add what only
 * tests need, such as credentials for the Lex stub). Its log lines go to `logTo` when given
 * (tests that read what was logged).
 */
export async function startTestApp(options: {
  now: string;
  env?: Record<string, string>;
  engine?: (runtime: Runtime) => DialogEngine;
  logTo?: DestinationStream;
  bot?: Omit<BotOptions, 'engine'>;
}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    PUBLIC_BASE_URL,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...options.env,
  });
  const clock = new FixedClock(options.now);
  const runtime = await createRuntime(config, {
    schema: bookingSchema,
    clock,
    log: createLogger(config, options.logTo),
  });
  for (const file of DEMO_BUSINESS_FILES) await seedBusinessFile(runtime.db, file, { production: false, env: {} });
  const booking = createBookingServices(runtime.db, clock);
  const app = await buildApp(runtime, {
    booking,
    bot: createBot(runtime, booking, { ...options.bot, engine: options.engine?.(runtime) }),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    runtime,
    booking,
    clock,
    database,
    baseUrl: address,
    config,
    async close() {
      await app.close();
      const keys = await runtime.redis.keys(`${runtime.redisPrefix}:*`);
      if (keys.length) await runtime.redis.del(...keys);
      await runtime.close();
      await database.drop();
    },
  };
}

/**
 * Another instance of a test app, as a second Lambda or container would be: its own process
 * state, pool and Redis connection, on the same database, Redis prefix and clock.
 */
export async function startAnotherInstance(t: TestApp): Promise<TestApp> {
  const runtime = await createRuntime(t.config, { schema: bookingSchema, clock: t.clock, log: createLogger(t.config) });
  const booking = createBookingServices(runtime.db, t.clock);
  const app = await buildApp(runtime, { booking, bot: createBot(runtime, booking) });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    ...t,
    app,
    runtime,
    booking,
    baseUrl,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}

export function messageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

export interface Reply {
  status: number;
  /** The <Message> text, or null for an empty <Response/>. */
  text: string | null;
  body: string;
  /** The id the app gave the request (its log lines carry it). */
  requestId: string;
}

/** POSTs a form to a webhook path, signed as Twilio signs it (unless told otherwise). */
export async function postSigned(
  t: TestApp,
  path: string,
  form: Record<string, string>,
  signature?: string | null,
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const sign =
    signature === undefined
      ? twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, form)
      : signature;
  if (sign !== null) headers['x-twilio-signature'] = sign;
  const response = await fetch(`${t.baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(form).toString(),
  });
  const body = await response.text();
  const match = /<Message>([\s\S]*?)<\/Message>/.exec(body);
  return {
    status: response.status,
    text: match ? unescapeXml(match[1]) : null,
    body,
    requestId: response.headers.get('x-request-id') ?? '',
  };
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A customer's phone texting one business number, as Twilio would deliver it. */
export class Phone {
  constructor(
    private readonly t: TestApp,
    readonly from: string,
    readonly to: string,
  ) {}

  async send(body: string, extra: Record<string, string> = {}): Promise<Reply> {
    return this.deliver(this.form(body, extra));
  }

  /** The webhook form of a new message from this phone, as Twilio posts it. */
  form(body: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      MessageSid: messageSid(),
      AccountSid: `AC${'0'.repeat(32)}`,
      From: this.from,
      To: this.to,
      Body: body,
      NumMedia: '0',
      ApiVersion: '2010-04-01',
      SmsStatus: 'received',
      ...extra,
    };
  }

  /** Delivers a form (again, for a redelivery). */
  deliver(form: Record<string, string>): Promise<Reply> {
    return postSigned(this.t, '/webhooks/twilio/messages', form);
  }

  /** Sends and returns the reply text, failing loudly when there is none. */
  async say(body: string): Promise<string> {
    const reply = await this.send(body);
    if (reply.status !== 200 || reply.text === null)
      throw new Error(`no reply to "${body}": ${reply.status} ${reply.body}`);
    return reply.text;
  }
}

/**
 * A test file's app, started once, its clock put back after each test, and fresh phones texting
 * one business number.
 */
export function conversationApp(options: { now: string; to: string; phonePrefix: string }): {
  app(): TestApp;
  newPhone(): Phone;
} {
  let t: TestApp | undefined;
  let phones = 0;
  beforeAll(async () => {
    t = await startTestApp({ now: options.now });
  });
  afterAll(() => t?.close());
  afterEach(() => t?.clock.set(options.now));
  const app = () => {
    if (!t) throw new Error('the app starts in beforeAll');
    return t;
  };
  return {
    app,
    newPhone: () => new Phone(app(), `${options.phonePrefix}${String(++phones).padStart(4, '0')}`, options.to),
  };
}

/**
 * A test file's app on a redis-server of its own, which tests may stop. It is started again
 * before the app closes, because closing clears this file's keys.
 */
export function appWithOwnRedis(now: string): { app(): TestApp; redis(): OwnRedis } {
  let redis: OwnRedis | undefined;
  let t: TestApp | undefined;
  beforeAll(async () => {
    redis = await OwnRedis.start();
    t = await startTestApp({ now, env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await redis?.start();
    if (t && t.runtime.redis.status !== 'ready')
      await new Promise((resolve) => t!.runtime.redis.once('ready', resolve));
    await t?.close();
    await redis?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the app starts in beforeAll');
    return value;
  };
  return { app: () => started(t), redis: () => started(redis) };
}
