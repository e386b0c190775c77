import { messageSid, Phone, postSigned, startTestApp, type TestApp } from '../helpers/app';

const EDGAR = '+15550100001';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    now: '2026-11-23T09:00:00-08:00',
    env: { INBOUND_LIMIT_PER_WINDOW: '5', INBOUND_WINDOW_SECONDS: '600' },
  });
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) => (await t.runtime.db.query(sql, params))[0].n as number;
const inboundCount = () => count(`SELECT count(*)::int AS n FROM message WHERE direction = 'inbound'`);

describe('the inbound webhook', () => {
  it('refuses a missing or wrong signature with 403 and stores nothing', async () => {
    const before = await inboundCount();
    const form = { MessageSid: messageSid(), From: '+15551110000', To: EDGAR, Body: 'hi' };
    expect((await postSigned(t, '/webhooks/twilio/messages', form, null)).status).toBe(403);
    expect((await postSigned(t, '/webhooks/twilio/messages', form, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    // Signed for another body: Body was changed after signing.
    const signedForOther = (await import('twilio')).default.getExpectedTwilioSignature(
      'test-auth-token-0123456789',
      'https://textbook.test.example/webhooks/twilio/messages',
      { ...form, Body: 'other' },
    );
    expect((await postSigned(t, '/webhooks/twilio/messages', form, signedForOther)).status).toBe(403);
    expect(await inboundCount()).toBe(before);
  });

  it('answers 404 for a number no business owns, and 400 with a reason for a malformed form', async () => {
    const unknown = await new Phone(t, '+15551110001', '+15559999999').send('hello');
    expect(unknown.status).toBe(404);
    const malformed = await postSigned(t, '/webhooks/twilio/messages', {
      MessageSid: 'not-a-sid',
      From: '+15551110001',
      To: EDGAR,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatch(/MessageSid/);
    const noFrom = await postSigned(t, '/webhooks/twilio/messages', { MessageSid: messageSid(), To: EDGAR });
    expect(noFrom.status).toBe(400);
    expect(noFrom.body).toMatch(/From/);
  });

  it('answers a redelivered MessageSid exactly as before, without a second effect', async () => {
    const form = { MessageSid: messageSid(), From: '+15551110002', To: EDGAR, Body: 'what are your hours?' };
    const first = await postSigned(t, '/webhooks/twilio/messages', form);
    const second = await postSigned(t, '/webhooks/twilio/messages', form);
    expect(first.status).toBe(200);
    expect(first.text).toMatch(/Edgar's Mobile Auto Shop is open Mon–Sat 8:00 AM–5:00 PM/);
    expect(second.body).toBe(first.body);
    expect(await count(`SELECT count(*)::int AS n FROM message WHERE provider_sid = $1`, [form.MessageSid])).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM message m JOIN message i ON m.in_reply_to = i.id WHERE i.provider_sid = $1`,
        [form.MessageSid],
      ),
    ).toBe(1);
  });

  it("keeps one MessageSid sent to two businesses apart: each answers its own, never the other's stored reply", async () => {
    const sid = messageSid();
    const toEdgar = await postSigned(t, '/webhooks/twilio/messages', {
      MessageSid: sid,
      From: '+15551110020',
      To: EDGAR,
      Body: 'what are your hours?',
    });
    const toClinic = await postSigned(t, '/webhooks/twilio/messages', {
      MessageSid: sid,
      From: 'whatsapp:+56911110010',
      To: 'whatsapp:+56920000001',
      Body: '¿a qué hora abren?',
    });
    expect(toEdgar.text).toMatch(/Edgar's Mobile Auto Shop is open/);
    expect(toClinic.status).toBe(200);
    expect(toClinic.text).not.toMatch(/Edgar/);
    expect(toClinic.text).toMatch(/Clínica/);
    expect(
      await count(
        `SELECT count(DISTINCT business_id)::int AS n FROM message WHERE provider_sid = $1 AND direction = 'inbound'`,
        [sid],
      ),
    ).toBe(2);
  });

  it("stores a stranger's first messages that arrive together under one new customer, and answers every one", async () => {
    const from = '+15551110003';
    const forms = ['hi', 'hello?', 'what are your hours?', 'prices?'].map((Body) => ({
      MessageSid: messageSid(),
      From: from,
      To: EDGAR,
      Body,
    }));
    const replies = await Promise.all(forms.map((form) => postSigned(t, '/webhooks/twilio/messages', form)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Messages that queued up behind a running turn are answered by one reply, in one response.
    expect(replies.some((r) => r.text !== null)).toBe(true);
    for (const reply of replies) expect(reply.text ?? '').not.toMatch(/something went wrong/);
    expect(await count(`SELECT count(*)::int AS n FROM customer WHERE phone = $1`, [from])).toBe(1);
    expect(
      await count(
        `SELECT count(DISTINCT customer_id)::int AS n FROM message WHERE from_address = $1 AND direction = 'inbound'`,
        [from],
      ),
    ).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM message WHERE from_address = $1 AND direction = 'inbound'`, [from]),
    ).toBe(4);
    const unanswered = `SELECT count(*)::int AS n FROM message i WHERE i.from_address = $1 AND i.direction = 'inbound'
      AND i.status = 'received' AND NOT EXISTS (SELECT FROM message r WHERE r.in_reply_to = i.id)`;
    expect(await count(unanswered, [from])).toBe(0);
  });

  it('still answers with an apology when something fails inside, and keeps the message', async () => {
    const phone = new Phone(t, '+15551110010', EDGAR);
    await t.runtime.db.query('ALTER TABLE appointment RENAME TO appointment_unavailable');
    try {
      const reply = await phone.send('when is my appointment?');
      expect([reply.status, reply.text]).toEqual([
        200,
        'Sorry, something went wrong on our side. Please try again in a minute.',
      ]);
    } finally {
      await t.runtime.db.query('ALTER TABLE appointment_unavailable RENAME TO appointment');
    }
    const stored = await t.runtime.db.query(
      `SELECT body FROM message WHERE from_address = $1 AND direction = 'inbound'`,
      [phone.from],
    );
    expect(stored).toEqual([{ body: 'when is my appointment?' }]);
    expect(await phone.say('when is my appointment?')).toMatch(/^You have no upcoming visits/);
  });

  it('stores and answers a long WhatsApp message in full', async () => {
    const phone = new Phone(t, 'whatsapp:+56955501001', 'whatsapp:+56920000001');
    // WhatsApp lets a customer write up to 4,096 characters; SMS stops at 1,600.
    const body =
      `¿cuál es el horario? ${'Les escribo porque mi hijo tiene fiebre desde ayer y quiero saber. '.repeat(60)}`.slice(
        0,
        4_096,
      );
    const reply = await phone.send(body);
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/^Clínica Los Aromos atiende lunes/);
    const stored = await t.runtime.db.query(
      `SELECT body FROM message WHERE from_address = $1 AND direction = 'inbound'`,
      [phone.from],
    );
    expect(stored).toEqual([{ body }]);
  });

  it('stores a message with NUL characters without them, and answers it', async () => {
    const phone = new Phone(t, '+15551110011', EDGAR);
    const reply = await phone.send('what are\u0000 your hours?\u0000');
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/Edgar's Mobile Auto Shop is open Mon–Sat 8:00 AM–5:00 PM/);
    const stored = await t.runtime.db.query(
      `SELECT body FROM message WHERE from_address = $1 AND direction = 'inbound'`,
      [phone.from],
    );
    expect(stored).toEqual([{ body: 'what are your hours?' }]);
  });

  it('answers TwiML with the right content type', async () => {
    const reply = await new Phone(t, '+15551110003', EDGAR).send('help');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>/);
  });

  it('stops answering a runaway sender past the limit, but stores every message', async () => {
    const phone = new Phone(t, '+15551110004', EDGAR);
    const replies = [];
    for (let i = 0; i < 7; i++) replies.push(await phone.send(`hours? ${i}`));
    expect(replies.map((r) => r.text !== null)).toEqual([true, true, true, true, true, false, false]);
    expect(replies[6].body).toMatch(/<Response\/>/);
    expect(
      await count(`SELECT count(*)::int AS n FROM message WHERE from_address = $1 AND direction = 'inbound'`, [
        phone.from,
      ]),
    ).toBe(7);
  });
});

describe('opt-out keywords', () => {
  it('opts out on STOP alone, says nothing more until START, and answers HELP', async () => {
    const phone = new Phone(t, '+15551110005', EDGAR);
    expect(await phone.say('HELP')).toMatch(
      /^Edgar's Mobile Auto Shop: book by text, e\.g\. "oil change tomorrow at 3pm"\. .*Reply STOP to opt out\.$/,
    );
    expect(await phone.say('Stop')).toBe(
      "You're unsubscribed from Edgar's Mobile Auto Shop and won't get more messages. Reply START to resubscribe.",
    );
    const [customer] = await t.runtime.db.query(`SELECT opted_out_at FROM customer WHERE phone = $1`, [phone.from]);
    expect(customer.opted_out_at).toBeInstanceOf(Date);
    const silent = await phone.send('oil change tomorrow at 3');
    expect([silent.status, silent.text]).toEqual([200, null]);
    expect(await phone.say('START')).toMatch(/^You're subscribed to Edgar's Mobile Auto Shop again/);
    const [back] = await t.runtime.db.query(`SELECT opted_out_at FROM customer WHERE phone = $1`, [phone.from]);
    expect(back.opted_out_at).toBeNull();
  });

  it('treats "cancel my appointment" as a sentence, not the CANCEL keyword', async () => {
    const phone = new Phone(t, '+15551110006', EDGAR);
    expect(await phone.say('cancel my appointment')).toMatch(/don't have an upcoming visit/);
    const [customer] = await t.runtime.db.query(`SELECT opted_out_at FROM customer WHERE phone = $1`, [phone.from]);
    expect(customer.opted_out_at).toBeNull();
  });

  it('honours Twilio Advanced Opt-Out and the business Spanish words', async () => {
    const clinic = new Phone(t, 'whatsapp:+56911110007', 'whatsapp:+56920000001');
    expect(await clinic.say('BAJA')).toMatch(/^Listo, no recibirás más mensajes de Clínica Los Aromos/);
    const edgar = new Phone(t, '+15551110008', EDGAR);
    const advanced = await edgar.send('please stop texting me', { OptOutType: 'STOP' });
    expect(advanced.text).toMatch(/unsubscribed/);
  });
});

describe('the status callback', () => {
  it('records delivery status on the message and never moves it backwards', async () => {
    const [row] = await t.runtime.db.query(
      `INSERT INTO message (business_id, direction, channel, from_address, to_address, body, provider_sid, status)
       SELECT id, 'outbound', 'sms', '+15550100001', '+15551110009', 'Reminder', $1, 'sent' FROM business WHERE slug = 'edgar' RETURNING id`,
      [messageSid()],
    );
    const [{ provider_sid: sid }] = await t.runtime.db.query('SELECT provider_sid FROM message WHERE id = $1', [
      row.id,
    ]);
    const post = (status: string, extra: Record<string, string> = {}) =>
      postSigned(t, '/webhooks/twilio/status', {
        MessageSid: sid,
        MessageStatus: status,
        AccountSid: `AC${'0'.repeat(32)}`,
        ...extra,
      });
    expect((await post('delivered')).status).toBe(204);
    expect((await post('sent')).status).toBe(204);
    const [after] = await t.runtime.db.query('SELECT status, error_code FROM message WHERE id = $1', [row.id]);
    expect(after).toEqual({ status: 'delivered', error_code: null });
    expect((await post('undelivered', { ErrorCode: '30003' })).status).toBe(204);
    const [failed] = await t.runtime.db.query('SELECT status, error_code FROM message WHERE id = $1', [row.id]);
    expect(failed).toEqual({ status: 'undelivered', error_code: 30003 });
    expect((await post('exploded')).status).toBe(400);
    expect(
      (await postSigned(t, '/webhooks/twilio/status', { MessageSid: sid, MessageStatus: 'delivered' }, null)).status,
    ).toBe(403);
  });
});
