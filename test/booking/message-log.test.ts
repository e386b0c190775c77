import { randomBytes } from 'node:crypto';
import type { InboundFields } from '../../booking/repositories/messages';
import { obtainConnection } from '../../booking/repositories/sql';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestShop, type TestShop, testBusinessFile } from '../helpers/business';

/**
 * Requests that reach the message log in the same turn of the event loop share one statement;
 * these calls are all made in one turn, so each test exercises a combined statement.
 */

const POOL_SIZE = 10;
let t: TestDatabase;
let shop: TestShop;
let businessId: string;

beforeAll(async () => {
  t = await createTestDatabase(POOL_SIZE);
  shop = await createTestShop(t.db, testBusinessFile(), '2026-11-23T08:00:00-08:00');
  businessId = shop.catalog.business.id;
});
afterAll(() => t.drop());

const sid = () => `SM${randomBytes(16).toString('hex')}`;
const inbound = (phone: string, body: string, providerSid = sid()): InboundFields => ({
  businessId,
  channel: 'sms',
  phone,
  fromAddress: phone,
  toAddress: shop.catalog.endpoints[0].address,
  body,
  media: [],
  providerSid,
});
const rows = (sql: string, params: unknown[]) => t.db.query(sql, params);

describe('the message log', () => {
  it('stores messages from several people arriving together, each under its own customer', async () => {
    const phones = ['+15553000001', '+15553000002', '+15553000003'];
    const known = await shop.customer(phones[0]);
    const received = await Promise.all(
      phones.map((phone, i) => shop.booking.messages.receive(inbound(phone, `message ${i}`))),
    );
    expect(received.map((r) => r.customer.phone)).toEqual(phones);
    expect(received[0].customer.id).toBe(known);
    expect(received.every((r) => r.inboundId !== null && r.conversation === null)).toBe(true);
    const stored = await rows(
      `SELECT c.phone, m.body FROM message m JOIN customer c ON c.id = m.customer_id WHERE c.phone = ANY($1) ORDER BY c.phone`,
      [phones],
    );
    expect(stored).toEqual(phones.map((phone, i) => ({ phone, body: `message ${i}` })));
  });

  it('relaxes the disk flush for the storing transaction only, never for what its connection runs next', async () => {
    const phones = ['+15553000030', '+15553000031', '+15553000032'];
    await Promise.all(phones.map((phone) => shop.booking.messages.receive(inbound(phone, 'hello'))));
    // Held at once, these are every connection of the pool, the ones that stored the messages among them.
    const connections = await Promise.all(Array.from({ length: POOL_SIZE }, () => obtainConnection(t.db)));
    try {
      const settings = await Promise.all(
        connections.map(async (c) => (await c.client.query('SHOW synchronous_commit')).rows[0].synchronous_commit),
      );
      expect(new Set(settings)).toEqual(new Set(['on']));
    } finally {
      for (const c of connections) c.release();
    }
  });

  it('stores a MessageSid delivered twice at once one time, and tells the second delivery it is one', async () => {
    const phone = '+15553000010';
    const same = sid();
    const [first, second] = await Promise.all([
      shop.booking.messages.receive(inbound(phone, 'hi', same)),
      shop.booking.messages.receive(inbound(phone, 'hi', same)),
    ]);
    expect(first.inboundId).not.toBeNull();
    expect(second.inboundId).toBeNull();
    expect(await rows(`SELECT count(*)::int AS n FROM message WHERE provider_sid = $1`, [same])).toEqual([{ n: 1 }]);
  });

  it('applies two turns of one customer saved at once in the order they were made', async () => {
    const phone = '+15553000020';
    const say = (body: string) => shop.booking.messages.receive(inbound(phone, body));
    const turn = (
      inboundId: string,
      conversationId: string | null,
      reply: string,
      step: number,
      customerChange = {},
    ) => ({
      businessId,
      customerId: first.customer.id,
      channel: 'sms' as const,
      inboundId,
      conversationId,
      reply: { from: shop.catalog.endpoints[0].address, to: phone, body: reply },
      state: { step },
      lastInboundAt: new Date(),
      expiresAt: null,
      customerChange,
    });
    const first = await say('hi');
    await shop.booking.messages.saveTurn(turn(first.inboundId!, null, 'Hi!', 1));
    const [second, third] = [await say('oil change'), await say('my name is Ana')];
    const conversationId = second.conversation!.id;
    await Promise.all([
      shop.booking.messages.saveTurn(turn(second.inboundId!, conversationId, 'When?', 2)),
      shop.booking.messages.saveTurn(
        turn(third.inboundId!, conversationId, 'Thanks, Ana.', 3, { name: 'Ana', locale: 'en' }),
      ),
    ]);
    expect(await rows(`SELECT state FROM conversation WHERE customer_id = $1`, [first.customer.id])).toEqual([
      { state: { step: 3 } },
    ]);
    expect(await rows(`SELECT name, locale FROM customer WHERE id = $1`, [first.customer.id])).toEqual([
      { name: 'Ana', locale: 'en' },
    ]);
    const replies = await rows(
      `SELECT i.body AS said, r.body AS answer FROM message r JOIN message i ON i.id = r.in_reply_to WHERE r.customer_id = $1 ORDER BY r.created_at`,
      [first.customer.id],
    );
    expect(replies).toEqual([
      { said: 'hi', answer: 'Hi!' },
      { said: 'oil change', answer: 'When?' },
      { said: 'my name is Ana', answer: 'Thanks, Ana.' },
    ]);
  });

  it('fails only the message that cannot be stored, and stores the others of its statement', async () => {
    const good = inbound('+15553000030', 'fine');
    const bad = { ...inbound('+15553000031', 'broken'), businessId: '00000000-0000-0000-0000-000000000000' };
    const [stored, refused] = await Promise.allSettled([
      shop.booking.messages.receive(good),
      shop.booking.messages.receive(bad),
    ]);
    expect(stored.status).toBe('fulfilled');
    expect(refused.status).toBe('rejected');
    expect(
      await rows(`SELECT body FROM message WHERE provider_sid = ANY($1) ORDER BY body`, [
        [good.providerSid, bad.providerSid],
      ]),
    ).toEqual([{ body: 'fine' }]);
  });
});
