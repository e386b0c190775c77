import twilio from 'twilio';
import { AUTH_TOKEN, messageSid, Phone, PUBLIC_BASE_URL, startTestApp, type TestApp } from '../helpers/app';

/**
 * Bytes no customer means, and requests Twilio never sends, even when signed: the customer is
 * answered, what is stored is plain text, and what Twilio would never send is refused with a 4xx.
 */
const EDGAR = '+15550100001';
const PATH = '/webhooks/twilio/messages';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T09:00:00-08:00' });
});
afterAll(() => t.close());

const query = (sql: string, params: unknown[] = []) => t.runtime.db.query(sql, params);
const inboundBodies = async (from: string) =>
  (
    await query(`SELECT body FROM message WHERE from_address = $1 AND direction = 'inbound' ORDER BY created_at`, [
      from,
    ])
  ).map((r: { body: string }) => r.body);
const sign = (form: Record<string, string | string[]>) =>
  twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${PATH}`, form);

/** Posts a body as given, signed for `signedAs` (the fields the app will read from it). */
async function postRaw(contentType: string, body: string | Buffer, signedAs: Record<string, string | string[]>) {
  const response = await fetch(`${t.baseUrl}${PATH}`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-twilio-signature': sign(signedAs) },
    body,
  });
  return { status: response.status, body: await response.text() };
}

describe('control characters in what a customer writes', () => {
  it('are dropped as the message enters, and the booking they were part of is answered', async () => {
    const phone = new Phone(t, '+15551130001', EDGAR);
    expect(await phone.say('oil change wed dec 2 at 10am\u0007')).toBe('What address should we come to?');
    expect(await phone.say('12 Oak\u001b[31m St\u0004')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('2015 Honda\u0085 Fit\uFFFF')).toBe(
      'Oil change, Wed Dec 2 at 10:00 AM at 12 Oak[31m St. Reply YES to book.',
    );
    expect(await phone.say('yes\u0000')).toMatch(/^Booked: Oil change with Edgar's Mobile Auto Shop, Wed Dec 2/);
    expect(await inboundBodies(phone.from)).toEqual([
      'oil change wed dec 2 at 10am',
      '12 Oak[31m St',
      '2015 Honda Fit',
      'yes',
    ]);
    const [customer] = await query(`SELECT details FROM customer WHERE phone = $1`, [phone.from]);
    expect(customer.details).toEqual({ address: '12 Oak[31m St', vehicle: '2015 Honda Fit' });
  });

  it('are kept out of the reply, and markup is escaped, even when they were stored before', async () => {
    const phone = new Phone(t, '+15551130002', EDGAR);
    // A customer row written before the webhook cleaned its input.
    await query(
      `INSERT INTO customer (business_id, phone, details) SELECT id, $1, $2 FROM business WHERE slug = 'edgar'`,
      [phone.from, { address: '5 <Elm> & Co\u0007 St', vehicle: '2012 Kia Rio' }],
    );
    const reply = await phone.send('oil change thu dec 3 at 10am');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('at 5 &lt;Elm&gt; &amp; Co St. Reply YES to book.</Message>');
    expect(reply.text).toBe('Oil change, Thu Dec 3 at 10:00 AM at 5 <Elm> & Co St. Reply YES to book.');
  });

  it('leave a message of nothing else stored as empty and answered', async () => {
    const phone = new Phone(t, '+15551130003', EDGAR);
    const reply = await phone.send('\u0007\u0008\u001b');
    expect(reply.status).toBe(200);
    expect(reply.text).not.toBeNull();
    expect(await inboundBodies(phone.from)).toEqual(['']);
  });

  it('store bytes that are not UTF-8 as replacement characters', async () => {
    const form = { MessageSid: messageSid(), From: '+15551130004', To: EDGAR, Body: 'hours?\uFFFD\uFFFD' };
    const raw = Buffer.concat([
      Buffer.from(`MessageSid=${form.MessageSid}&From=%2B15551130004&To=%2B15550100001&Body=hours?`),
      Buffer.from([0xc0, 0xaf]),
    ]);
    const reply = await postRaw('application/x-www-form-urlencoded', raw, form);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(/is open Mon–Sat/);
    expect(await inboundBodies(form.From)).toEqual(['hours?\uFFFD\uFFFD']);
  });
});

describe('requests Twilio never sends', () => {
  const form = (from: string, extra: Record<string, string> = {}) => ({
    MessageSid: messageSid(),
    From: from,
    To: EDGAR,
    Body: 'what are your hours?',
    ...extra,
  });

  it('refuses JSON, text and multipart bodies with 415, signed or not, and stores nothing', async () => {
    const json = form('+15551130010');
    expect((await postRaw('application/json', JSON.stringify(json), json)).status).toBe(415);
    expect((await postRaw('text/plain', 'Body=hi', {})).status).toBe(415);
    const multipart = '--b\r\nContent-Disposition: form-data; name="Body"\r\n\r\nhi\r\n--b--\r\n';
    expect((await postRaw('multipart/form-data; boundary=b', multipart, {})).status).toBe(415);
    expect(await inboundBodies(json.From)).toEqual([]);
  });

  it('refuses a field given twice, naming it, and stores nothing', async () => {
    const f = form('+15551130011', { NumMedia: '1' });
    const signedAs = { ...f, MediaUrl0: ['https://a.example/1', 'https://a.example/2'] };
    const body = new URLSearchParams([
      ...Object.entries(f),
      ...signedAs.MediaUrl0.map((u): [string, string] => ['MediaUrl0', u]),
    ]);
    const reply = await postRaw('application/x-www-form-urlencoded', body.toString(), signedAs);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ error: 'BAD_REQUEST', field: 'body.MediaUrl0' });
    const twice = form('+15551130011');
    const doubled = new URLSearchParams([...Object.entries({ ...twice, Body: 'yes' }), ['Body', 'no']]);
    const second = await postRaw('application/x-www-form-urlencoded', doubled.toString(), {
      ...twice,
      Body: ['yes', 'no'],
    });
    expect([second.status, JSON.parse(second.body).field]).toEqual([400, 'body.Body']);
    expect(await inboundBodies(f.From)).toEqual([]);
  });

  it('refuses a Body folded into ApiVersion, which signs like the real request', async () => {
    const real = form('+15551130012', { ApiVersion: '2010-04-01', Body: 'yes' });
    const folded = { MessageSid: real.MessageSid, From: real.From, To: real.To, ApiVersion: '2010-04-01Bodyyes' };
    expect(sign(folded)).toBe(sign(real));
    const reply = await postRaw('application/x-www-form-urlencoded', new URLSearchParams(folded).toString(), folded);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ field: 'body.ApiVersion' });
    expect(await inboundBodies(real.From)).toEqual([]);
    const accepted = await postRaw('application/x-www-form-urlencoded', new URLSearchParams(real).toString(), real);
    expect(accepted.status).toBe(200);
  });

  it('refuses SIDs and counts of the wrong form', async () => {
    for (const [field, value] of [
      ['AccountSid', 'AC123'],
      ['SmsMessageSid', 'SMnope'],
      ['MessagingServiceSid', `MG${'0'.repeat(32)}x`],
      ['NumSegments', '1a'],
    ]) {
      const f = form('+15551130013', { [field]: value });
      const reply = await postRaw('application/x-www-form-urlencoded', new URLSearchParams(f).toString(), f);
      expect([field, reply.status]).toEqual([field, 400]);
    }
    expect(await inboundBodies('+15551130013')).toEqual([]);
  });
});
