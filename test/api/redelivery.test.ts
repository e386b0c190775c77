import { messageSid, postSigned, startTestApp, type TestApp } from '../helpers/app';
import { holdRepliesTo } from '../helpers/hold-replies';

/**
 * Twilio delivers a message again (its retry, or the Fallback URL) when the first delivery failed
 * or timed out. The message was stored before anything else; what the redelivery answers depends
 * on whether its turn was saved.
 */

const EDGAR = '+15550100001';
const HOURS = /Edgar's Mobile Auto Shop is open Mon–Sat 8:00 AM–5:00 PM/;
let t: TestApp;
/**
 * An app whose deliveries keep a message in hand for ten minutes: a redelivery there that waited
 * for the grace would outlast its test's deadline, so an answer at all shows it did not wait.
 */
let patient: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T09:00:00-08:00' });
  patient = await startTestApp({ now: '2026-11-23T09:00:00-08:00', bot: { redeliveryGraceMs: 600_000 } });
});
afterAll(async () => {
  await t.close();
  await patient.close();
});

const form = (from: string, body: string) => ({
  MessageSid: messageSid(),
  AccountSid: `AC${'0'.repeat(32)}`,
  From: from,
  To: EDGAR,
  Body: body,
});
const deliver = (f: Record<string, string>, app = t) => postSigned(app, '/webhooks/twilio/messages', f);
const query = (sql: string, params: unknown[] = [], app = t) => app.runtime.db.query(sql, params);
const repliesTo = async (sid: string, app = t) =>
  (
    await query(
      `SELECT r.body FROM message r JOIN message i ON r.in_reply_to = i.id WHERE i.provider_sid = $1`,
      [sid],
      app,
    )
  ).map((r: { body: string }) => r.body);
const inboundCount = async (sid: string, app = t) =>
  (await query(`SELECT count(*)::int AS n FROM message WHERE provider_sid = $1`, [sid], app))[0].n;

describe('a redelivered message', () => {
  it('is answered by the retry when the first delivery failed after storing it, without waiting for the grace', async () => {
    const f = form('+15551120001', 'what are your hours?');
    // The first delivery's reply cannot be saved (the database refuses it once).
    await query(`CREATE SEQUENCE fail_reply`, [], patient);
    await query(
      `CREATE FUNCTION fail_reply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.direction = 'outbound' AND NEW.to_address = '${f.From}' AND nextval('fail_reply') = 1 THEN RAISE EXCEPTION 'connection lost'; END IF;
        RETURN NEW;
      END $$`,
      [],
      patient,
    );
    await query(
      `CREATE TRIGGER fail_reply BEFORE INSERT ON message FOR EACH ROW EXECUTE FUNCTION fail_reply()`,
      [],
      patient,
    );
    try {
      const first = await deliver(f, patient);
      expect(first.status).toBe(500);
      // A failure the first delivery saw gives the message up at once.
      const retry = await deliver(f, patient);
      expect([retry.status, retry.text]).toEqual([200, expect.stringMatching(HOURS)]);
      expect(await inboundCount(f.MessageSid, patient)).toBe(1);
      expect(await repliesTo(f.MessageSid, patient)).toEqual([expect.stringMatching(HOURS)]);
    } finally {
      await query(`DROP TRIGGER fail_reply ON message`, [], patient);
    }
  }, 120_000);

  it('is answered once, by one of two deliveries at once, when the first delivery died without a word', async () => {
    const f = form('+15551120002', 'what are your hours?');
    // What a process killed mid-turn leaves: the message stored, 11 s ago, and no turn saved.
    await t.booking.messages.receive({
      businessId: (await t.booking.catalogs.byAddress(EDGAR))!.business.id,
      channel: 'sms',
      phone: f.From,
      fromAddress: f.From,
      toAddress: EDGAR,
      body: f.Body,
      media: [],
      providerSid: f.MessageSid,
    });
    await query(
      `UPDATE message SET created_at = created_at - interval '11 seconds', updated_at = updated_at - interval '11 seconds' WHERE provider_sid = $1`,
      [f.MessageSid],
    );

    const [a, b] = await Promise.all([deliver(f), deliver(f)]);
    expect([a.status, a.text]).toEqual([200, expect.stringMatching(HOURS)]);
    expect([b.status, b.text]).toEqual([200, a.text]);
    expect(await inboundCount(f.MessageSid)).toBe(1);
    expect(await repliesTo(f.MessageSid)).toEqual([a.text]);
  });

  it('waits for a first delivery still answering, gives its reply, and the turn runs once', async () => {
    const from = '+15551120003';
    expect((await deliver(form(from, 'hi'))).status).toBe(200);
    const f = form(from, 'what are your hours?');
    // The first delivery's save waits, as it would on a slow database.
    const hold = await holdRepliesTo(t.runtime.db, from);
    let retried = false;
    let first: Promise<Awaited<ReturnType<typeof deliver>>>;
    let retry: Promise<Awaited<ReturnType<typeof deliver>>>;
    try {
      first = deliver(f);
      for (let i = 0; (await inboundCount(f.MessageSid)) === 0; i++) {
        if (i > 100) throw new Error('the first delivery never stored its message');
        await new Promise((r) => setTimeout(r, 20));
      }
      retry = deliver(f).finally(() => (retried = true));
      await new Promise((r) => setTimeout(r, 500));
      expect(retried).toBe(false);
    } finally {
      await hold.release();
    }
    const [one, two] = await Promise.all([first!, retry!]);
    expect([one.status, one.text]).toEqual([200, expect.stringMatching(HOURS)]);
    expect([two.status, two.text]).toEqual([200, one.text]);
    expect(await repliesTo(f.MessageSid)).toEqual([one.text]);
  });

  it('still gets an empty answer, without waiting for the grace, when its turn was saved with nothing to say', async () => {
    const from = '+15551120004';
    expect((await deliver(form(from, 'STOP'), patient)).text).toMatch(/unsubscribed/);
    const f = form(from, 'what are your hours?');
    const first = await deliver(f, patient);
    expect([first.status, first.text]).toEqual([200, null]);
    const again = await deliver(f, patient);
    expect([again.status, again.body]).toEqual([200, first.body]);
    expect(again.body).toMatch(/<Response\/>/);
    expect(await repliesTo(f.MessageSid, patient)).toEqual([]);
  }, 120_000);
});
