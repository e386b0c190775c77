import {
  messageSid,
  Phone,
  postSigned,
  type Reply,
  startAnotherInstance,
  startTestApp,
  type TestApp,
} from '../helpers/app';
import { OwnRedis } from '../helpers/redis';

/**
 * Customers double-text. A conversation's turns apply in arrival order, each from the state the
 * one before left, whichever instance of the app (a Lambda, a container) each message reaches;
 * messages that queue up behind a running turn are read together, as a person would read them.
 */

const EDGAR = '+15550100001';
const OIL_CHANGE_AT_10 = 'Oil change, Tue Nov 24 at 10:00 AM at 12 Oak St. Reply YES to book.';
let redis: OwnRedis;
let t: TestApp;
let other: TestApp;
let phones = 0;

// A Redis of this file's own, which a test makes slow to hold turns in the middle.
beforeAll(async () => {
  redis = await OwnRedis.start();
  t = await startTestApp({ now: '2026-11-23T09:00:00-08:00', env: { REDIS_URL: redis.url } });
  other = await startAnotherInstance(t);
});
afterAll(async () => {
  await other?.close();
  await t?.close();
  await redis?.stop();
});

/** Runs `sending` while every turn started meanwhile waits mid-turn, then lets them all go on. */
async function whileTurnsWait(sending: () => Promise<void>): Promise<void> {
  const hold = await redis.holdWrites();
  try {
    await sending();
  } finally {
    await hold.resume();
  }
}

const newNumber = () => `+1555114${String(++phones).padStart(4, '0')}`;
const query = (sql: string, params: unknown[] = []) => t.runtime.db.query(sql, params);

/** Waits until `count` messages from this number are stored (not answered). */
async function untilStored(from: string, count: number): Promise<void> {
  for (const giveUpAt = Date.now() + 10_000; ; await new Promise((r) => setTimeout(r, 10))) {
    const [{ n }] = await query(
      `SELECT count(*)::int AS n FROM message WHERE from_address = $1 AND direction = 'inbound'`,
      [from],
    );
    if (n >= count) return;
    if (Date.now() > giveUpAt) throw new Error(`${from} has ${n} messages stored, not ${count}`);
  }
}

const visitsOf = async (from: string) =>
  (
    await query(
      `SELECT s.key AS service, a.starts_at FROM appointment a JOIN customer c ON c.id = a.customer_id
         JOIN service s ON s.id = a.service_id WHERE c.phone = $1 ORDER BY a.starts_at`,
      [from],
    )
  ).map((a: { service: string; starts_at: Date }) => [a.service, a.starts_at.toISOString()]);

describe('a double text', () => {
  it('is answered in order: the second message sees what the first said', async () => {
    const from = newNumber();
    const phone = new Phone(t, from, EDGAR);
    const sent: Promise<Reply>[] = [];
    // The first turn is still being answered when the second message arrives.
    await whileTurnsWait(async () => {
      sent.push(phone.send('oil change'));
      await untilStored(from, 1);
      sent.push(phone.send('tomorrow at 2pm'));
      await untilStored(from, 2);
    });
    const [first, second] = sent;
    expect((await first).text).toBe('When would you like your oil change? E.g. "tomorrow at 3pm".');
    expect((await second).text).toBe('What address should we come to?');
  });

  it('sent to two instances of the app is answered in order too', async () => {
    const from = newNumber();
    const sent: Promise<Reply>[] = [];
    await whileTurnsWait(async () => {
      sent.push(new Phone(t, from, EDGAR).send('oil change'));
      await untilStored(from, 1);
      sent.push(new Phone(other, from, EDGAR).send('tomorrow at 2pm'));
      await untilStored(from, 2);
    });
    const [first, second] = sent;
    expect((await first).text).toBe('When would you like your oil change? E.g. "tomorrow at 3pm".');
    expect((await second).text).toBe('What address should we come to?');
  });

  it('that queued up behind a running turn is read as one message, on any instance, and answered once', async () => {
    const from = newNumber();
    const phone = new Phone(t, from, EDGAR);
    expect(await phone.say('Oil change tomorrow at 10am at 12 Oak St, 2015 Honda Civic')).toBe(OIL_CHANGE_AT_10);
    const sent: Promise<Reply>[] = [];
    await whileTurnsWait(async () => {
      sent.push(phone.send('yes'));
      await untilStored(from, 2);
      sent.push(new Phone(other, from, EDGAR).send('tire rotation'));
      await untilStored(from, 3);
      sent.push(phone.send('thursday at 2pm'));
      await untilStored(from, 4);
    });
    const [yes, ...doubleText] = sent;
    expect((await yes).text).toMatch(/^Booked: Oil change with Edgar's Mobile Auto Shop, Tue Nov 24 at 10:00 AM\./);
    const answers = (await Promise.all(doubleText)).map((reply) => reply.text);
    const proposal = 'Tire rotation, Thu Nov 26 at 2:00 PM at 12 Oak St. Reply YES to book.';
    expect(answers.sort()).toEqual([proposal, null].sort());
    expect(await phone.say('yes')).toMatch(
      /^Booked: Tire rotation with Edgar's Mobile Auto Shop, Thu Nov 26 at 2:00 PM\./,
    );
    expect(await visitsOf(from)).toEqual([
      ['oil-change', '2026-11-24T18:00:00.000Z'],
      ['tire-rotation', '2026-11-26T22:00:00.000Z'],
    ]);
  });
});

describe('a turn whose process died', () => {
  it('holds its conversation no longer than its lease; the next message reads the unanswered one too', async () => {
    const from = newNumber();
    const dying = await startAnotherInstance(t);
    const unanswered = { MessageSid: messageSid(), AccountSid: `AC${'0'.repeat(32)}`, From: from, To: EDGAR };
    // What a process killed mid-turn 11 s ago leaves: the message stored, its conversation's turn taken.
    await dying.booking.messages.receive({
      businessId: (await t.booking.catalogs.byAddress(EDGAR))!.business.id,
      channel: 'sms',
      phone: from,
      fromAddress: from,
      toAddress: EDGAR,
      body: 'what are your hours?',
      media: [],
      providerSid: unanswered.MessageSid,
    });
    await dying.close();
    await query(
      `UPDATE conversation v SET turn_until = turn_until - interval '11 seconds' FROM customer c WHERE c.id = v.customer_id AND c.phone = $1`,
      [from],
    );
    const reply = await new Phone(t, from, EDGAR).send('hello?');
    expect(reply.text).toMatch(/Edgar's Mobile Auto Shop is open Mon–Sat 8:00 AM–5:00 PM/);
    // Twilio's fallback then delivers the unanswered message again: it was answered, with the next one.
    const redelivered = await postSigned(t, '/webhooks/twilio/messages', {
      ...unanswered,
      Body: 'what are your hours?',
    });
    expect([redelivered.status, redelivered.text]).toEqual([200, null]);
    const [{ replies }] = await query(
      `SELECT count(*)::int AS replies FROM message WHERE to_address = $1 AND direction = 'outbound'`,
      [from],
    );
    expect(replies).toBe(1);
  });
});
