import type { FakeTwilio } from '../helpers/fake-twilio';
import { messageSid, Phone, postSigned, type TestApp } from '../helpers/app';
import { ACCOUNT_SID, type AppWithWorkers, startAppWithWorkers } from '../helpers/app-with-workers';

/**
 * Everything the app and its workers log, at every level, over whole conversations and the ways
 * they fail: nothing in it may name a phone, a message, a name, an address or a vehicle of the
 * people texting. The lines are read raw, as CloudWatch would keep them.
 */
const EDGAR = '+15550100001';
const CLINIC = 'whatsapp:+56920000001';
const OWNER = '+15550109999';
const CUSTOMER = '+15557654321';
const PATIENT = 'whatsapp:+56987654321';
const STRANGER = '+15553141592';
const CLINIC_OWNER = '+56990000000';

const lines: string[] = [];
let box: AppWithWorkers;
let t: TestApp;
let fake: FakeTwilio;

beforeAll(async () => {
  box = await startAppWithWorkers('2026-11-23T09:00:00-08:00', {
    env: { LOG_LEVEL: 'trace' },
    logTo: { write: (line: string) => void lines.push(line) },
  });
  ({ t, twilio: fake } = box);
});
afterAll(() => box?.close());

/** What the people in this file said or are called: none of it may reach a log line. */
const SAID: string[] = [];
const say = async (phone: Phone, body: string, extra?: Record<string, string>) => {
  SAID.push(body);
  const reply = await phone.send(body, extra);
  if (reply.text) SAID.push(reply.text);
  return reply;
};

describe('a whole day of texts', () => {
  it('books with Edgar in English, over several messages, one of them failing on a constraint', async () => {
    const phone = new Phone(t, CUSTOMER, EDGAR);
    expect((await say(phone, 'oil change tomorrow at 2pm, this is Wilhelmina Quartermaine')).text).toBe(
      'What address should we come to?',
    );
    expect((await say(phone, '742 Evergreen Terrace')).text).toBe('What car is it (year, make, model)?');
    expect((await say(phone, '1987 Plymouth Voyager')).text).toMatch(/742 Evergreen Terrace\. Reply YES to book\.$/);
    // Postgres puts the refused row, address and vehicle included, in the error's detail.
    await t.runtime.db.query('ALTER TABLE appointment ADD CONSTRAINT privacy_probe CHECK (address IS NULL) NOT VALID');
    try {
      expect((await say(phone, 'YES')).text).toMatch(/^Sorry, something went wrong/);
    } finally {
      await t.runtime.db.query('ALTER TABLE appointment DROP CONSTRAINT privacy_probe');
    }
    expect((await say(phone, 'YES')).text).toMatch(/^Booked: Oil change/);
  });

  it('books with the clinic in Spanish, over WhatsApp', async () => {
    const phone = new Phone(t, PATIENT, CLINIC);
    const whatsapp = { ProfileName: 'Remedios Buendía', WaId: PATIENT.replace('whatsapp:+', '') };
    expect((await say(phone, 'hola, quiero una hora con la doctora el martes en la mañana', whatsapp)).text).toMatch(
      /^Esto es lo que tenemos/,
    );
    expect((await say(phone, 'la 2', whatsapp)).text).toBe('¿A nombre de quién agendo?');
    expect((await say(phone, 'Remedios Buendía Iguarán', whatsapp)).text).toMatch(/Responde SI para agendar\.$/);
    expect((await say(phone, 'sí', whatsapp)).text).toMatch(/^Agendado:/);
  });

  it("reads the owner's day to the owner, names and addresses included", async () => {
    expect((await say(new Phone(t, OWNER, EDGAR), 'tomorrow')).text).toMatch(/Wilhelmina Quartermaine/);
  });

  it('apologises when a turn fails inside', async () => {
    const phone = new Phone(t, CUSTOMER, EDGAR);
    await t.runtime.db.query('ALTER TABLE appointment RENAME TO appointment_unavailable');
    try {
      expect((await say(phone, 'is the Voyager still on for Evergreen Terrace?')).text).toMatch(/^Sorry/);
    } finally {
      await t.runtime.db.query('ALTER TABLE appointment_unavailable RENAME TO appointment');
    }
  });

  it('refuses a malformed form, a bad signature and a number no business owns', async () => {
    SAID.push('my number is private');
    const form = { MessageSid: 'not-a-sid', From: STRANGER, To: EDGAR, Body: 'my number is private' };
    expect((await postSigned(t, '/webhooks/twilio/messages', form)).status).toBe(400);
    const signed = { ...form, MessageSid: messageSid() };
    expect((await postSigned(t, '/webhooks/twilio/messages', signed, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    expect((await new Phone(t, STRANGER, '+15559999999').send('my number is private')).status).toBe(404);
  });

  it("logs the owner's notice failing to send, once for a while and then for good", async () => {
    fake.script(OWNER, 500, 21211);
    const phone = new Phone(t, STRANGER, EDGAR);
    expect((await say(phone, 'brake pads tomorrow at 11am at 1 Infinite Loop')).text).toBe(
      'What car is it (year, make, model)?',
    );
    expect((await say(phone, 'a 1964 Aston Martin DB5')).text).toMatch(/Reply YES/);
    expect((await say(phone, 'yes')).text).toMatch(/^Booked:/);
    await fake.waitFor((requests) => requests.some((r) => r.answered === 21211));
  });

  it('takes a delivery status that names the phone it failed to reach', async () => {
    const callback = {
      MessageSid: messageSid(),
      AccountSid: ACCOUNT_SID,
      From: EDGAR,
      To: CUSTOMER,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    };
    expect((await postSigned(t, '/webhooks/twilio/status', callback)).status).toBe(204);
  });

  it('stops on STOP', async () => {
    expect((await say(new Phone(t, CUSTOMER, EDGAR), 'STOP')).status).toBe(200);
  });
});

describe('the log lines', () => {
  const logged = () => lines.map((l) => JSON.parse(l) as { level: number; msg: string });

  it('are every line of every level: requests, turns, jobs and errors', async () => {
    expect(t.runtime.log.level).toBe('trace');
    await waitUntil(() => logged().some((l) => l.msg.startsWith('send failed') && l.msg.includes('not a valid')));
    expect(logged().map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'incoming request',
        'request completed',
        'job done',
        'turn failed; answering with an apology',
        'rejected a webhook with a missing or wrong Twilio signature',
        'status for a SID not stored yet: kept for the sender',
        'message to a number no business owns',
      ]),
    );
    expect(logged().filter((l) => l.level >= 50).length).toBeGreaterThanOrEqual(2);
  });

  it('name no phone in any form, and nothing anyone said or is called', () => {
    const numbers = [CUSTOMER, PATIENT, OWNER, STRANGER, CLINIC_OWNER].map((p) => p.replace(/\D/g, ''));
    const forbidden: (string | RegExp)[] = [
      ...numbers,
      // As a national number, and its last seven digits standing alone.
      ...numbers.map((n) => n.replace(/^(1|56)/, '')),
      ...numbers.map((n) => new RegExp(`(?<!\\d)${n.slice(-7)}(?!\\d)`)),
      'Wilhelmina',
      'Quartermaine',
      'Evergreen',
      'Plymouth',
      'Voyager',
      'Remedios',
      'Buendía',
      'Infinite Loop',
      'Aston Martin',
      ...SAID.flatMap((s) => s.split('\n')).filter((s) => s.length > 6),
    ];
    const found = forbidden.flatMap((word) => {
      const at = (l: string) => (typeof word === 'string' ? l.indexOf(word) : l.search(word));
      const line = lines.find((l) => at(l) >= 0);
      return line
        ? [{ word: String(word), msg: JSON.parse(line).msg, around: line.slice(at(line) - 80, at(line) + 40) }]
        : [];
    });
    expect(found).toEqual([]);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not logged in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
