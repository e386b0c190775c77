import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import pino from 'pino';
import { InboundSpool } from '../../bot/inbound-spool';
import type { InboundMessage } from '../../bot/twilio/inbound-message';
import { OwnRedis, testRedisPrefix } from '../helpers/redis';

/**
 * Where messages wait while Postgres is away: Redis first, this process's file on disk when Redis
 * is away too, read back oldest first across both, each removed when the replay is done with it.
 */
let redis: OwnRedis;
/** Fails at once while disconnected, as the request path's client does. */
let client: IORedis;
let dir: string;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  redis = await OwnRedis.start();
  client = new IORedis(redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await new Promise((resolve) => client.once('ready', resolve));
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'textbook-spool-test-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const message = (sid: string, body: string): InboundMessage => ({
  sid,
  channel: 'sms',
  from: '+15551230000',
  to: '+15550100001',
  phone: '+15551230000',
  body,
  media: [],
});
const at = (second: number) => new Date(Date.UTC(2026, 10, 23, 17, 0, second));
const spool = () => new InboundSpool({ redis: client, prefix: testRedisPrefix('spool'), dir, log });

it('keeps messages in Redis while it answers, on disk when it does not, and gives them back in arrival order', async () => {
  const s = spool();
  expect(await s.keep(message('SM1', 'oil change tomorrow'), at(1))).toBe('redis');
  // The connection drops (Redis keeps its data: this is a network cut, not a restart).
  client.disconnect();
  expect(await s.keep(message('SM2', 'at 3pm'), at(2))).toBe('disk');
  expect(await s.keep(message('SM3', '12 Oak St'), at(3))).toBe('disk');
  await client.connect();
  expect(await s.keep(message('SM4', 'yes'), at(4))).toBe('redis');

  const kept = await s.all();
  expect(kept.map((k) => [k.message.sid, k.message.body, k.receivedAt])).toEqual([
    ['SM1', 'oil change tomorrow', at(1)],
    ['SM2', 'at 3pm', at(2)],
    ['SM3', '12 Oak St', at(3)],
    ['SM4', 'yes', at(4)],
  ]);
  expect(await s.pending()).toBe(true);
  for (const k of kept.slice(0, 2)) await k.done();
  expect((await s.all()).map((k) => k.message.sid)).toEqual(['SM3', 'SM4']);
  for (const k of await s.all()) await k.done();
  expect(await s.pending()).toBe(false);
  expect(await readdir(dir)).toEqual([]);
});

it("replays a file a process that died left behind, and leaves a running process's file alone", async () => {
  const line = (sid: string, second: number) =>
    `${JSON.stringify({ message: message(sid, 'hi'), receivedAt: at(second).toISOString(), seq: 0 })}\n`;
  // pid 2**22+1 is above Linux's pid_max: no such process runs.
  await writeFile(join(dir, `inbound-${2 ** 22 + 1}-1.jsonl`), `${line('SM9', 9)}{"cut short`);
  await writeFile(join(dir, 'inbound-1-1.jsonl'), line('SM8', 8));
  const kept = await spool().all();
  expect(kept.map((k) => k.message.sid)).toEqual(['SM9']);
  await kept[0].done();
  expect(await readdir(dir)).toEqual(['inbound-1-1.jsonl']);
});
