import { randomBytes } from 'node:crypto';
import { MessageLog } from '../../booking/message-log';
import type { InboundFields } from '../../booking/repositories/messages';
import { obtainConnection } from '../../booking/repositories/sql';
import type { TurnOutcome, TurnStart } from '../../booking/repositories/turns';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestShop, type TestShop, testBusinessFile } from '../helpers/business';

/**
 * Requests that reach the message log in the same turn of the event loop share one statement;
 * the calls made together here are made in one turn, so they exercise a combined statement.
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
/** The end of a turn that answers `reply` and leaves `state`. */
const outcome = (
  turn: TurnStart,
  reply: string | null,
  state: Record<string, unknown>,
  customerChange: TurnOutcome['customerChange'] = {},
): TurnOutcome => ({
  conversationId: turn.conversationId,
  businessId,
  customerId: turn.customer.id,
  channel: 'sms',
  inboundId: turn.inboundId,
  read: turn.messages.map((m) => m.id),
  reply: reply === null ? null : { from: shop.catalog.endpoints[0].address, to: turn.customer.phone, body: reply },
  state,
  lastInboundAt: new Date(),
  expiresAt: null,
  customerChange,
});
const bodies = (turn: TurnStart) => turn.messages.map((m) => m.body);
/** Resolves when `promise` does, recording the moment among `events`. */
const noting = <T>(events: string[], name: string, promise: Promise<T>) =>
  promise.then((value) => {
    events.push(name);
    return value;
  });
const moment = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the message log', () => {
  it('stores messages from several people arriving together, each under its own customer', async () => {
    const phones = ['+15553000001', '+15553000002', '+15553000003'];
    const known = await shop.customer(phones[0]);
    const received = await Promise.all(
      phones.map((phone, i) => shop.booking.messages.receive(inbound(phone, `message ${i}`))),
    );
    expect(received.map((r) => r.customer.phone)).toEqual(phones);
    expect(received[0].customer.id).toBe(known);
    expect(received.every((r) => r.inboundId !== null && r.turn !== null)).toBe(true);
    expect(received.map((r) => bodies(r.turn!))).toEqual([['message 0'], ['message 1'], ['message 2']]);
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

  it('starts a message that arrives during a turn once that turn is saved, from the state and customer it left', async () => {
    const phone = '+15553000020';
    const first = await shop.booking.messages.receive(inbound(phone, 'oil change'));
    const second = await shop.booking.messages.receive(inbound(phone, 'tomorrow at 2pm'));
    expect(second.turn).toBeNull();
    const events: string[] = [];
    const waiting = noting(events, 'second started', shop.booking.messages.awaitTurn(second.inboundId!));
    await moment();
    events.push('first saved');
    await shop.booking.messages.saveTurn(outcome(first.turn!, 'When?', { step: 1 }, { name: 'Ana' }));
    const claim = await waiting;
    expect(events).toEqual(['first saved', 'second started']);
    if (claim.kind !== 'started') throw new Error(`expected the second turn to start, got ${claim.kind}`);
    expect([claim.turn.state, claim.turn.customer.name, bodies(claim.turn)]).toEqual([
      { step: 1 },
      'Ana',
      ['tomorrow at 2pm'],
    ]);
    await shop.booking.messages.saveTurn(outcome(claim.turn, 'Booked?', { step: 2 }));
    const next = await shop.booking.messages.receive(inbound(phone, 'yes'));
    expect(next.turn?.state).toEqual({ step: 2 });
  });

  it('waits on a turn running in another process the same way', async () => {
    const phone = '+15553000021';
    const otherProcess = new MessageLog(t.db);
    const first = await otherProcess.receive(inbound(phone, 'oil change'));
    const second = await shop.booking.messages.receive(inbound(phone, 'tomorrow at 2pm'));
    const events: string[] = [];
    const waiting = noting(events, 'second started', shop.booking.messages.awaitTurn(second.inboundId!));
    await moment();
    events.push('first saved');
    await otherProcess.saveTurn(outcome(first.turn!, 'When?', { step: 1 }));
    const claim = await waiting;
    expect(events).toEqual(['first saved', 'second started']);
    expect(claim.kind === 'started' && [claim.turn.state, bodies(claim.turn)]).toEqual([
      { step: 1 },
      ['tomorrow at 2pm'],
    ]);
  });

  it('reads the messages that queued up behind a running turn in one turn, and answers the others with nothing', async () => {
    const phone = '+15553000022';
    const first = await shop.booking.messages.receive(inbound(phone, 'hi'));
    const queued = [
      await shop.booking.messages.receive(inbound(phone, 'oil change')),
      await shop.booking.messages.receive(inbound(phone, 'tomorrow at 2pm')),
    ];
    const claims = queued.map((q) => shop.booking.messages.awaitTurn(q.inboundId!));
    await shop.booking.messages.saveTurn(outcome(first.turn!, 'Hi!', { step: 1 }));
    const one = await Promise.race(claims);
    if (one.kind !== 'started') throw new Error(`expected a turn to start, got ${one.kind}`);
    expect([one.turn.state, bodies(one.turn)]).toEqual([{ step: 1 }, ['oil change', 'tomorrow at 2pm']]);
    await shop.booking.messages.saveTurn(outcome(one.turn, 'Oil change tomorrow at 2pm?', { step: 2 }));
    const other = (await Promise.all(claims)).find((claim) => claim !== one);
    expect(other).toEqual({ kind: 'answered', reply: null });
    const answered = await rows(
      `SELECT i.body, i.status, r.body AS reply FROM message i LEFT JOIN message r ON r.in_reply_to = i.id
        WHERE i.id = ANY($1) ORDER BY i.created_at`,
      [queued.map((q) => q.inboundId)],
    );
    expect(answered).toEqual(
      queued.map((q, i) =>
        q.inboundId === one.turn.inboundId
          ? { body: ['oil change', 'tomorrow at 2pm'][i], status: 'received', reply: 'Oil change tomorrow at 2pm?' }
          : { body: ['oil change', 'tomorrow at 2pm'][i], status: 'handled', reply: null },
      ),
    );
  });

  it('lets the next message take a turn whose process died once its lease ends, reading the unanswered one too', async () => {
    const phone = '+15553000023';
    const shortLeases = new MessageLog(t.db, { turnLeaseMs: 300 });
    const dead = await shortLeases.receive(inbound(phone, 'what are your hours?'));
    expect(dead.turn).not.toBeNull();
    const next = await shortLeases.receive(inbound(phone, 'hello?'));
    const claim = await shortLeases.awaitTurn(next.inboundId!);
    expect(claim.kind === 'started' && bodies(claim.turn)).toEqual(['what are your hours?', 'hello?']);
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
