import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { QUEUES } from '../../workers/queues';
import { Harness, laTime, type Shop } from './support/harness';

/**
 * The workers run in a child process that is killed (SIGKILL) in the middle of sending a batch,
 * then started again: every message goes out exactly once. The batch is paced at 4 a second, so
 * the kill lands between two sends, with jobs in the dead worker's hands (waiting for their send
 * slot) that the next worker must take over. A kill in the very middle of a request to Twilio is
 * the one case no client can make exactly-once (Twilio takes no idempotency key; see README).
 */
const RATE = 4;
const BOOKINGS = 8;
const ROOT = join(__dirname, '..', '..');

let h: Harness;
let shop: Shop;
const children: ChildProcess[] = [];

function startWorkerProcess(): Promise<ChildProcess> {
  // node itself with tsx's loader (not the tsx CLI, which runs the script in a grandchild that a
  // SIGKILL to the CLI would leave running).
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'worker-process.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: h.config.databaseUrl,
      REDIS_URL: h.config.redisUrl,
      REDIS_PREFIX: h.runtime.redisPrefix,
      PUBLIC_BASE_URL: h.config.publicBaseUrl,
      TWILIO_ACCOUNT_SID: h.config.twilio.accountSid,
      TWILIO_AUTH_TOKEN: h.config.twilio.authToken,
      TWILIO_API_URL: h.config.twilio.apiUrl,
      LOG_LEVEL: 'silent',
      SEND_RATE: String(RATE),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`worker process exited early (${code})`)));
  });
}

const sentCount = async () =>
  (await h.query(`SELECT count(*)::int AS n FROM message WHERE status = 'sent'`))[0].n as number;

beforeAll(async () => {
  h = await Harness.create('crash', { now: '2026-11-23T07:00:00-08:00' });
  shop = await h.shop();
});
afterAll(async () => {
  await Promise.all(
    children
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map((c) => new Promise((resolve) => c.once('exit', resolve).kill('SIGKILL'))),
  );
  await h.close();
});

it('sends each message exactly once when a worker is killed mid-batch and restarted', async () => {
  // An admin books for eight customers: sixteen messages (owner + customer) from one number.
  for (let i = 0; i < BOOKINGS; i++) {
    const customerId = await shop.customer(`+1555600000${i}`, { name: `Customer ${i}` });
    await shop.book(customerId, laTime(`2026-11-24T${String(8 + i).padStart(2, '0')}:00`), {
      actor: { kind: 'admin', userId: 'desk' },
    });
  }
  const first = await startWorkerProcess();
  await h.eventually(async () => expect(await sentCount()).toBeGreaterThanOrEqual(2), 20_000);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const beforeRestart = h.fake.requests.length;
  // Mid-batch: jobs were in the dead worker's hands (active, their locks now orphaned), others waiting.
  const outbound = new Queue(QUEUES.outbound, {
    connection: { url: h.config.redisUrl },
    prefix: h.runtime.redisPrefix,
  });
  const counts = await outbound.getJobCounts('active', 'delayed', 'waiting');
  await outbound.close();
  expect(counts.active).toBeGreaterThanOrEqual(1);
  expect(beforeRestart).toBeGreaterThanOrEqual(2);
  expect(beforeRestart).toBeLessThan(2 * BOOKINGS);

  await startWorkerProcess();
  await h.eventually(async () => expect(await sentCount()).toBe(2 * BOOKINGS), 20_000);
  await new Promise((r) => setTimeout(r, 500));

  const keys = h.fake.requests.map((r) => `${r.form.To} ${r.form.Body}`);
  expect(keys).toHaveLength(2 * BOOKINGS);
  expect(new Set(keys).size).toBe(2 * BOOKINGS);
  const rows = await h.messages();
  expect(rows.map((m) => m.status)).toEqual(Array(2 * BOOKINGS).fill('sent'));
  expect(new Set(rows.map((m) => m.providerSid))).toEqual(new Set(h.fake.requests.map((r) => r.sid)));
  const [{ pending }] = await h.query(`SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL`);
  expect(pending).toBe(0);
}, 45_000);
