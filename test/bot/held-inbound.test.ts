import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import pino from 'pino';
import { HeldInbound } from '../../bot/held-inbound';
import { InboundSpool } from '../../bot/inbound-spool';
import type { InboundMessage } from '../../bot/twilio/inbound-message';
import { FixedClock } from '../../core/clock';
import { deleteRedisKeys, testRedisPrefix } from '../helpers/redis';

/**
 * Which messages wait behind kept ones: only those of a conversation with messages kept, until a
 * replay has answered all of them; other customers go on as usual, and a replay that fails holds
 * back its own conversation only.
 */
const PREFIX = testRedisPrefix('held');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let client: IORedis;
let dir: string;

beforeAll(async () => {
  client = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  await new Promise((resolve) => client.once('ready', resolve));
  dir = await mkdtemp(join(tmpdir(), 'textbook-held-test-'));
});
afterAll(async () => {
  client.disconnect();
  await deleteRedisKeys(REDIS_URL, PREFIX);
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
const from = (phone: string, body = 'what are your hours?'): InboundMessage => ({
  sid: `SM${String(++n).padStart(32, '0')}`,
  channel: 'sms',
  from: phone,
  to: '+15550100001',
  phone,
  body,
  media: [],
});

it('holds back only the conversations with messages kept, until their replay has answered them all', async () => {
  const replayed: string[] = [];
  let failFor: string | null = '+15551230001';
  const held = new HeldInbound({
    spool: new InboundSpool({ redis: client, prefix: PREFIX, dir, log: pino({ level: 'silent' }) }),
    clock: new FixedClock('2026-11-23T09:00:00-08:00'),
    log: pino({ level: 'silent' }),
    databaseReady: async () => true,
    replay: async (m) => {
      if (m.from === failFor) throw new Error('Connection terminated unexpectedly');
      replayed.push(`${m.from} ${m.sid}`);
    },
    everyMs: 60_000,
  });
  const [ana, bo, cy] = ['+15551230001', '+15551230002', '+15551230003'];
  const first = [from(ana), from(bo), from(ana)];
  for (const m of first) await held.hold(m);
  expect([held.holds(from(ana)), held.holds(from(bo)), held.holds(from(cy))]).toEqual([true, true, false]);

  // Ana's replay fails: Bo's message is answered and Bo goes on as usual; Ana waits, in order.
  expect(await held.pass()).toBe(1);
  expect(replayed).toEqual([`${bo} ${first[1].sid}`]);
  expect([held.holds(from(ana)), held.holds(from(bo))]).toEqual([true, false]);

  failFor = null;
  expect(await held.pass()).toBe(2);
  expect(replayed.slice(1)).toEqual([`${ana} ${first[0].sid}`, `${ana} ${first[2].sid}`]);
  expect(held.holds(from(ana))).toBe(false);
  expect(await held.pass()).toBe(0);
});
