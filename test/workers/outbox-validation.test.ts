import { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import pino from 'pino';
import { outboundMessage } from '../../booking/outbound';
import { TOPICS } from '../../booking/outbox-topics';
import { appendOutbox } from '../../booking/repositories/outbox';
import { poolSql } from '../../booking/repositories/sql';
import { OutboxRelay, outboxRelayErrors } from '../../workers/jobs/outbox-relay';
import { jobIds, QUEUES } from '../../workers/queues';
import { Harness, type Shop } from './support/harness';

/**
 * Outbox payloads are JSON read back from the database: the relay checks each against its topic.
 * A bad row is logged (without the personal data it holds), counted and marked done; the rows
 * around it are relayed as usual.
 */
let h: Harness;
let shop: Shop;
let notices: Queue;
const logged: string[] = [];
const log = pino(
  { level: 'error' },
  new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  }),
);

beforeAll(async () => {
  h = await Harness.create('outbox-check', { now: '2026-11-23T09:00:00-08:00' });
  shop = await h.shop();
  notices = new Queue(QUEUES.notices, { connection: { url: h.config.redisUrl }, prefix: h.runtime.redisPrefix });
});
afterAll(async () => {
  await notices.close();
  await h.close();
});

const insertRaw = async (topic: string, payload: unknown) =>
  (
    await h.query<{ id: string }>(
      `INSERT INTO outbox (business_id, topic, payload) VALUES ($1, $2, $3) RETURNING id::text AS id`,
      [shop.businessId, topic, JSON.stringify(payload)],
    )
  )[0].id;

it('relays the good rows, and logs, counts and sets aside the bad ones', async () => {
  const customerId = await shop.customer('+15557400001');
  const good = (text: string) =>
    outboundMessage({ businessId: shop.businessId, recipient: { customerId }, text, origin: 'admin_reply' });
  const [before] = await appendOutbox(poolSql(h.runtime.db), [good('first')]);
  const badMessage = await insertRaw(TOPICS.sendMessage, {
    recipient: { phone: '555-PRIVATE-9', channel: 'sms' },
    text: 'secret words',
    origin: 'admin_reply',
  });
  const badEvent = await insertRaw(TOPICS.ownerNotice, { appointmentId: 'not-a-uuid', version: 'one' });
  const unknown = await insertRaw('coupons.send', { phone: '+15557400001' });
  const [after] = await appendOutbox(poolSql(h.runtime.db), [good('second')]);
  const counted = { ...outboxRelayErrors };

  const relay = new OutboxRelay({
    db: h.runtime.db,
    redis: h.runtime.redis,
    prefix: h.runtime.redisPrefix,
    log,
    options: { intervalMs: 50, batchSize: 100 },
  });
  try {
    expect(await relay.relayOnce()).toBe(5);
  } finally {
    await relay.stop();
  }

  for (const id of [before, after]) {
    expect(await notices.getJob(jobIds.outbox(id))).toMatchObject({
      data: { outboxId: id, topic: TOPICS.sendMessage, recipient: { customerId }, origin: 'admin_reply' },
    });
  }
  for (const id of [badMessage, badEvent, unknown]) expect(await notices.getJob(jobIds.outbox(id))).toBeUndefined();
  expect(outboxRelayErrors).toEqual({
    invalidPayload: counted.invalidPayload + 2,
    unknownTopic: counted.unknownTopic + 1,
  });
  const [{ pending }] = await h.query<{ pending: number }>(
    `SELECT count(*)::int AS pending FROM outbox WHERE processed_at IS NULL`,
  );
  expect(pending).toBe(0);

  const lines = logged.map((line) => JSON.parse(line));
  expect(lines).toEqual([
    expect.objectContaining({
      outboxId: badMessage,
      topic: TOPICS.sendMessage,
      problems: ['recipient.phone: invalid_format'],
    }),
    expect.objectContaining({
      outboxId: badEvent,
      problems: ['appointmentId: invalid_format', 'version: invalid_type', 'event: invalid_value'],
    }),
    expect.objectContaining({ outboxId: unknown, topic: 'coupons.send', msg: expect.stringMatching(/unknown topic/) }),
  ]);
  const text = logged.join('\n');
  for (const secret of ['555-PRIVATE-9', 'secret words', '+15557400001', 'not-a-uuid', 'one'])
    expect(text).not.toContain(`"${secret}"`);
});
