import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import twilio from 'twilio';
import { parse as parseYaml } from 'yaml';
import { systemClock } from '../../core/clock';
import { createBookingServices } from '../../booking';
import { DEMO_BUSINESS_FILES, seedBusinessFile } from '../../booking/businesses/seed';
import { HEALTHCHECK_SCRIPT, IMAGE_COMMANDS } from '../../infra/image-commands';
import { ADMIN_URL, urlFor } from '../helpers/db-names';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { FakeTwilio } from '../helpers/fake-twilio';
import { deleteRedisKeys, testRedisPrefix } from '../helpers/redis';

/**
 * The production entry points as the image runs them: `npm run build`, then each service's
 * command (infra/image-commands.ts, which docker-compose.yml and the ECS tasks use) as its own
 * process, with NODE_ENV=production, the image's HEALTHCHECK command against it, and SIGTERM. A
 * broken `dist/` entry point fails here rather than in a deploy.
 */
const ROOT = join(__dirname, '../..');
const run = promisify(execFile);
const TOKEN = 'entry-points-auth-token-0123';
const ACCOUNT_SID = `AC${'3'.repeat(32)}`;
const PUBLIC = 'https://textbook.test.example';
const DEADLINE_MS = 90_000;
const METRICS_TOKEN = 'entry-points-metrics-token-0123';

let database: TestDatabase;
let fake: FakeTwilio;
let env: NodeJS.ProcessEnv;
const redisPrefix = testRedisPrefix('entry');

beforeAll(async () => {
  await run('npm', ['run', 'build'], { cwd: ROOT });
  database = await createTestDatabase();
  for (const file of DEMO_BUSINESS_FILES) await seedBusinessFile(database.db, file, { production: false, env: {} });
  fake = await FakeTwilio.start(ACCOUNT_SID, TOKEN);
  env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_PREFIX: redisPrefix,
    PUBLIC_BASE_URL: PUBLIC,
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TOKEN,
    SESSION_SECRET: 'entry-point-test-session-secret-0123456789',
    TWILIO_API_URL: fake.url,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    METRICS_TOKEN,
  };
}, 300_000);
afterAll(async () => {
  await fake?.close();
  await database?.drop();
  await deleteRedisKeys('redis://127.0.0.1:6379', redisPrefix);
});

interface Service {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

function start(command: readonly string[], port: number): Service {
  const [bin, ...args] = command;
  const child = spawn(bin, args, { cwd: ROOT, env: { ...env, PORT: String(port) } });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

/** The image's HEALTHCHECK, as Docker runs it: its exit code. */
async function healthcheck(port: number): Promise<number> {
  try {
    await run('node', ['-e', HEALTHCHECK_SCRIPT], { cwd: ROOT, env: { ...env, PORT: String(port) } });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

async function healthyWithin(service: Service): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while ((await healthcheck(service.port)) !== 0) {
    if (Date.now() > deadline) throw new Error(`never healthy:\n${service.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let nextPort = 30_000 + Math.floor(Math.random() * 20_000);
const port = () => nextPort++;

function signedWebhook(servicePort: number, body: string) {
  const form = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: ACCOUNT_SID,
    From: '+15554440001',
    To: '+15550100001',
    Body: body,
    NumMedia: '0',
    ApiVersion: '2010-04-01',
  };
  const path = '/webhooks/twilio/messages';
  return fetch(`http://127.0.0.1:${servicePort}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${path}`, form),
    },
    body: new URLSearchParams(form).toString(),
  });
}

it('uses one set of commands: docker-compose.yml runs what ECS runs, the HEALTHCHECK is the one tested here', () => {
  // Compose resolves YAML merge keys (`<<: *app`); so must this reading of it.
  const compose = parseYaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  expect(compose.services.api.command).toEqual(IMAGE_COMMANDS.api);
  expect(compose.services.worker.command).toEqual(IMAGE_COMMANDS.workers);
  expect(compose.services.setup.command.join(' ')).toContain(IMAGE_COMMANDS.migrate.join(' '));
  expect(compose.services.api.environment.HOST).toBe('0.0.0.0');
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const check = /^HEALTHCHECK [^\n]*\\\n\s*CMD (\[.*\])$/m.exec(dockerfile);
  expect(JSON.parse(check![1])).toEqual(['node', '-e', HEALTHCHECK_SCRIPT]);
});

it('migrates an empty database with the migrate command, and a second run changes nothing', async () => {
  const name = `${database.url.split('/').pop()}_empty`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const [bin, ...args] = IMAGE_COMMANDS.migrate;
    const migrateEnv = { ...env, DATABASE_URL: urlFor(name) };
    const first = await run(bin, args, { cwd: ROOT, env: migrateEnv });
    expect(first.stdout).toMatch(/^applied: Initial\d+/);
    expect((await run(bin, args, { cwd: ROOT, env: migrateEnv })).stdout).toBe('schema is up to date\n');
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

it('serves the API, answers a webhook, and on SIGTERM answers the one in flight before exiting 0', async () => {
  const api = start(IMAGE_COMMANDS.api, port());
  try {
    await healthyWithin(api);
    const ready = await fetch(`http://127.0.0.1:${api.port}/ready`);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'current', redis: 'ok' });
    const answer = await signedWebhook(api.port, 'what are your hours?');
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("<Message>Edgar's Mobile Auto Shop is open");

    // A webhook held up in the database (its message cannot be stored while the table is locked)...
    const locker = new Client({ connectionString: database.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE message IN ACCESS EXCLUSIVE MODE');
    const inFlight = signedWebhook(api.port, 'what are your hours?');
    await waitFor(async () => {
      const { rows } = await locker.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'textbook' AND wait_event_type = 'Lock'`,
      );
      return rows[0].n > 0;
    });
    // ...is still answered after SIGTERM, and only then does the process exit.
    api.child.kill('SIGTERM');
    await waitFor(async () => api.output().includes('shutting down'));
    await locker.query('COMMIT');
    await locker.end();
    const late = await inFlight;
    expect(late.status).toBe(200);
    expect(await late.text()).toContain("<Message>Edgar's Mobile Auto Shop is open");
    expect(await api.exited).toBe(0);
    expect(api.output()).toContain('shut down cleanly');
  } finally {
    api.child.kill('SIGKILL');
  }
}, 240_000);

it('runs the workers, which answer the health check on their port, send, and stop on SIGTERM', async () => {
  const workers = start(IMAGE_COMMANDS.workers, port());
  try {
    await healthyWithin(workers);
    const before = fake.requests.length;
    // A booking's owner notice waits in the outbox: the workers' relay and sender take it to Twilio.
    const booking = createBookingServices(database.db, systemClock);
    const edgar = await booking.catalogs.bySlug('edgar');
    const [customer] = await database.db.query(
      'INSERT INTO customer (business_id, phone) VALUES ($1, $2) RETURNING id',
      [edgar.business.id, '+15554440002'],
    );
    let day = DateTime.now().setZone(edgar.business.timezone).plus({ days: 3 }).set({ hour: 10, minute: 0 });
    if (day.weekday === 7) day = day.plus({ days: 1 });
    const outcome = await booking.appointments.book({
      businessId: edgar.business.id,
      serviceId: edgar.services[0].id,
      customerId: customer.id,
      start: day.startOf('minute').toJSDate(),
      channel: 'sms',
      actor: { kind: 'customer', customerId: customer.id },
    });
    expect(outcome.ok).toBe(true);
    await fake.waitFor((requests) => requests.length > before && requests.some((r) => r.form.To === '+15550109999'));
    // Its own /metrics, on the same port, for the token only.
    const metrics = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${workers.port}/metrics`, { headers });
    expect((await metrics({})).status).toBe(401);
    const scraped = await metrics({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(await scraped.text()).toMatch(/^textbook_queue_jobs\{queue="outbound",state="waiting"\} \d+$/m);
    workers.child.kill('SIGTERM');
    expect(await workers.exited).toBe(0);
    expect(workers.output()).toContain('shut down cleanly');
  } finally {
    workers.child.kill('SIGKILL');
  }
}, 240_000);

it("runs the image's default command (the one box: migrate, API and workers) and stops it on SIGTERM", async () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const command = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]) as string[];
  expect(command).toEqual(['node', 'dist/api/main.js']);
  const box = start(command, port());
  try {
    await healthyWithin(box);
    expect((await signedWebhook(box.port, 'what are your hours?')).status).toBe(200);
    box.child.kill('SIGTERM');
    expect(await box.exited).toBe(0);
  } finally {
    box.child.kill('SIGKILL');
  }
}, 240_000);

it("fails the image's health check when nothing answers", async () => {
  expect(await healthcheck(port())).toBe(1);
});

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
