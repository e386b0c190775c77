import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppWithWorkers, startAppWithWorkers } from '../helpers/app-with-workers';
import { Phone, type Reply } from '../helpers/app';
import { OwnPostgres } from '../helpers/postgres';
import { OwnRedis } from '../helpers/redis';
import { obtainConnection } from '../../booking/repositories/sql';

/**
 * Postgres (a server of this test's own) stopped for 20 s under signed traffic. Every message is
 * answered at once (inline, or with the holding reply while the database is away), stored once
 * it is back, never twice, in the order each customer sent it; the held ones are answered
 * through the workers once it is back.
 */
const EDGAR = '+15550100001';
const OUTAGE_MS = 20_000;
const HOURS = /Edgar's Mobile Auto Shop is open Mon–Sat/;
const HELD = "Got it, we'll reply in a moment.";
/** Deadlines only a hang exceeds. */
const HANG_MS = 90_000;

let pg: OwnPostgres;
let redis: OwnRedis;
let spoolDir: string;
let box: AppWithWorkers;

beforeAll(async () => {
  [pg, redis] = await Promise.all([OwnPostgres.start(), OwnRedis.start()]);
  spoolDir = await mkdtemp(join(tmpdir(), 'textbook-outage-spool-'));
  box = await startAppWithWorkers('2026-11-23T09:00:00-08:00', {
    env: {
      DATABASE_URL: await pg.createMigratedDatabase('textbook_outage'),
      REDIS_URL: redis.url,
      INBOUND_SPOOL_DIR: spoolDir,
      INBOUND_LIMIT_PER_WINDOW: '1000',
    },
    bot: { replayEveryMs: 200 },
  });
}, HANG_MS);
afterAll(async () => {
  await box?.close();
  await pg?.destroy();
  await redis?.stop();
  await rm(spoolDir, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + HANG_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => box.t.runtime.db.query(sql, params);

it(
  'answers every message while Postgres is away, then stores each once, in order per customer, and answers the held ones',
  async () => {
    const phones = ['+15551130001', '+15551130002', '+15551130003', '+15551130004'].map(
      (from) => new Phone(box.t, from, EDGAR),
    );
    const sent = new Map<string, { sid: string; reply: Reply }[]>(phones.map((p) => [p.from, []]));
    const inlineCount = (from: string, since = 0) =>
      sent
        .get(from)!
        .slice(since)
        .filter((m) => m.reply.text !== HELD).length;
    // Each customer texts every 300 ms: before the outage, through it, and after it until two
    // more are answered inline (the kept ones replayed by then).
    let phase: 'before' | 'outage' | 'after' = 'before';
    const sentBeforeAfter = new Map<string, number>();
    const traffic = phones.map(async (phone) => {
      for (;;) {
        if (phase === 'after' && inlineCount(phone.from, sentBeforeAfter.get(phone.from)) >= 2) return;
        const form = phone.form('what are your hours?');
        sent.get(phone.from)!.push({ sid: form.MessageSid, reply: await phone.deliver(form) });
        await new Promise((r) => setTimeout(r, 300));
      }
    });
    await until(() => phones.every((p) => inlineCount(p.from) >= 2));
    await pg.stop();
    phase = 'outage';
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    for (const p of phones) sentBeforeAfter.set(p.from, sent.get(p.from)!.length);
    await pg.start();
    phase = 'after';
    await Promise.all(traffic);

    const all = [...sent.values()].flat();
    expect(all.map((m) => m.reply.status).filter((status) => status !== 200)).toEqual([]);
    // Answered at once: the holding reply, or the answer itself.
    expect(all.filter((m) => m.reply.text !== HELD && !HOURS.test(m.reply.text ?? ''))).toEqual([]);
    // Every customer wrote while Postgres was away.
    for (const phone of phones)
      expect(sent.get(phone.from)!.filter((m) => m.reply.text === HELD).length).toBeGreaterThan(0);

    // Each held message answered once, through the workers, with the answer to what it asked.
    for (const phone of phones) {
      const heldHere = sent.get(phone.from)!.filter((m) => m.reply.text === HELD).length;
      await box.twilio.waitFor(() => box.twilio.to(phone.from).length >= heldHere, HANG_MS);
    }
    await new Promise((r) => setTimeout(r, 1_000));
    for (const phone of phones) {
      const answers = box.twilio.to(phone.from).map((r) => r.form.Body);
      expect(answers).toHaveLength(sent.get(phone.from)!.filter((m) => m.reply.text === HELD).length);
      for (const body of answers) expect(body).toMatch(HOURS);
    }

    // Stored once each, in the order each customer sent them.
    const stored = await query<{ sid: string; from: string }>(
      `SELECT provider_sid AS sid, from_address AS "from" FROM message
        WHERE direction = 'inbound' AND provider_sid = ANY($1) ORDER BY created_at, id`,
      [all.map((m) => m.sid)],
    );
    expect(stored).toHaveLength(all.length);
    for (const phone of phones)
      expect(stored.filter((row) => row.from === phone.from).map((row) => row.sid)).toEqual(
        sent.get(phone.from)!.map((m) => m.sid),
      );
    // Nothing left kept.
    expect(await box.t.runtime.redis.llen(`${box.t.runtime.redisPrefix}:inbound-spool`)).toBe(0);
  },
  4 * HANG_MS,
);

it(
  'outlives Postgres going away while a connection is lent out, and drops that connection',
  async () => {
    const lent = await obtainConnection(box.t.runtime.db);
    await pg.stop();
    // pg reports the lost connection as an 'error' event on the lent client: unheard, it would
    // end the process (and fail this test file).
    await new Promise((r) => setTimeout(r, 500));
    lent.release();
    await pg.start();
    const phone = new Phone(box.t, '+15551130009', EDGAR);
    const answer = await phone.send('what are your hours?');
    expect([answer.status, answer.text]).toEqual([200, expect.stringMatching(/^(Got it|Edgar's)/)]);
  },
  HANG_MS,
);

it(
  'keeps messages on disk while Redis is away too, and answers them in order once both are back',
  async () => {
    const phones = ['+15551130011', '+15551130012'].map((from) => new Phone(box.t, from, EDGAR));
    await Promise.all([pg.stop(), redis.stop()]);
    const sent = new Map<string, string[]>(phones.map((p) => [p.from, []]));
    for (let round = 0; round < 3; round++)
      for (const phone of phones) {
        const form = phone.form('what are your hours?');
        const reply = await phone.deliver(form);
        expect([reply.status, reply.text]).toEqual([200, HELD]);
        sent.get(phone.from)!.push(form.MessageSid);
      }
    // On disk, synced before each answer: one file of this process's own.
    const files = await readdir(join(spoolDir, box.t.runtime.redisPrefix));
    expect(files).toEqual([expect.stringMatching(/^inbound-\d+-\d+\.jsonl$/)]);
    await Promise.all([pg.start(), redis.start()]);
    for (const phone of phones) {
      await box.twilio.waitFor(() => box.twilio.to(phone.from).length >= 3, HANG_MS);
      const stored = await query<{ sid: string }>(
        `SELECT provider_sid AS sid FROM message WHERE direction = 'inbound' AND from_address = $1 ORDER BY created_at`,
        [phone.from],
      );
      expect(stored.map((row) => row.sid)).toEqual(sent.get(phone.from));
    }
    await new Promise((r) => setTimeout(r, 1_000));
    for (const phone of phones) expect(box.twilio.to(phone.from)).toHaveLength(3);
    // Replayed, the file is gone.
    expect(await readdir(join(spoolDir, box.t.runtime.redisPrefix))).toEqual([]);
  },
  4 * HANG_MS,
);
