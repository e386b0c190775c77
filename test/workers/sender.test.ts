import { OfflineTransport } from '../../workers/senders/offline-transport';
import type { RecordedRequest } from '../helpers/fake-twilio';
import { FAST, Harness, laTime, type Shop } from './support/harness';

const ADMIN = { kind: 'admin' as const, userId: 'front-desk' };
let h: Harness;
let shop: Shop;
let slot = 0;

beforeAll(async () => {
  h = await Harness.create('sender', { now: '2026-11-23T07:00:00-08:00' });
  shop = await h.shop();
  await h.start(FAST);
});
afterAll(() => h.close());

/** An admin books for this phone: the owner and the customer are each told, by the outbound sender. */
async function adminBooks(phone: string, at: Shop = shop): Promise<string> {
  const customerId = await at.customer(phone);
  const start = new Date(laTime('2026-11-24T10:00').getTime() + slot++ * 86_400_000);
  await at.book(customerId, start, { actor: ADMIN });
  return customerId;
}

const customerRow = async (phone: string) => h.messages(`to_address = $1 AND purpose = 'customer_notice'`, [phone]);
const settle = () => new Promise((r) => setTimeout(r, 700));

describe('the outbound sender', () => {
  it('retries 429 and 5xx with exponential backoff, then records the SID', async () => {
    const phone = '+15555000001';
    h.fake.script(phone, 429, 500);
    await adminBooks(phone);
    const tries = await h.fake.waitFor(() => h.fake.to(phone).length >= 3).then(() => h.fake.to(phone));
    expect(tries.map((r) => r.answered)).toEqual([429, 500, 201]);
    const [first, second] = [tries[1].at - tries[0].at, tries[2].at - tries[1].at];
    expect(first).toBeGreaterThanOrEqual(180);
    expect(second).toBeGreaterThanOrEqual(380);
    await h.eventually(async () =>
      expect(await customerRow(phone)).toEqual([
        expect.objectContaining({ status: 'sent', providerSid: tries[2].sid, errorCode: null }),
      ]),
    );
  });

  it('gives up at once on a permanent error and records it', async () => {
    const phone = '+15555000002';
    h.fake.script(phone, 21211);
    await adminBooks(phone);
    await h.eventually(async () =>
      expect(await customerRow(phone)).toEqual([
        expect.objectContaining({ status: 'failed', errorCode: 21211, providerSid: null }),
      ]),
    );
    await settle();
    expect(h.fake.to(phone)).toHaveLength(1);
  });

  it('records the failure after the last attempt when 5xx persists', async () => {
    const phone = '+15555000003';
    h.fake.script(phone, 500, 500, 500, 500);
    await adminBooks(phone);
    await h.eventually(
      async () =>
        expect(await customerRow(phone)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 20500 })]),
      8_000,
    );
    expect(h.fake.to(phone).map((r) => r.answered)).toEqual([500, 500, 500, 500]);
  });

  it('records a message Twilio accepted when storing its SID failed once, without sending it again', async () => {
    const phone = '+15555000009';
    // The database refuses the first "sent" update for this phone (a sequence is not rolled back).
    await h.query(`CREATE SEQUENCE fail_mark_sent`);
    await h.query(`CREATE FUNCTION fail_mark_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'sent' AND NEW.to_address = '${phone}' AND nextval('fail_mark_sent') = 1 THEN RAISE EXCEPTION 'connection lost'; END IF;
        RETURN NEW;
      END $$`);
    await h.query(
      `CREATE TRIGGER fail_mark_sent BEFORE UPDATE ON message FOR EACH ROW EXECUTE FUNCTION fail_mark_sent()`,
    );
    try {
      await adminBooks(phone);
      const [sent] = await h.fake.waitFor(() => h.fake.to(phone).length >= 1).then(() => h.fake.to(phone));
      await h.eventually(async () =>
        expect(await customerRow(phone)).toEqual([expect.objectContaining({ status: 'sent', providerSid: sent.sid })]),
      );
      await settle();
      expect(h.fake.to(phone)).toHaveLength(1);
    } finally {
      await h.query(`DROP TRIGGER fail_mark_sent ON message`);
      await h.query(`DROP FUNCTION fail_mark_sent()`);
      await h.query(`DROP SEQUENCE fail_mark_sent`);
    }
  });

  it('opts the customer out on 21610 and never sends to them again', async () => {
    const phone = '+15555000004';
    h.fake.script(phone, 21610);
    const customerId = await adminBooks(phone);
    await h.eventually(async () =>
      expect(await customerRow(phone)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 21610 })]),
    );
    const [{ optedOutAt }] = await h.query(`SELECT opted_out_at AS "optedOutAt" FROM customer WHERE id = $1`, [
      customerId,
    ]);
    expect(optedOutAt).toBeInstanceOf(Date);

    await adminBooks(phone);
    await h.eventually(async () =>
      expect((await customerRow(phone)).map((m) => [m.status, m.errorCode])).toEqual([
        ['failed', 21610],
        ['skipped', 21610],
      ]),
    );
    await settle();
    expect(h.fake.to(phone)).toHaveLength(1);
  });

  it('paces each sending number at its own rate, measured from the send times', async () => {
    await h.stop();
    const slow = await h.shop();
    const fast = await h.shop();
    await h.start({ ...FAST, sendRate: (from) => (from === slow.number ? 5 : 50) });
    h.fake.reset();
    for (let i = 0; i < 5; i++) await adminBooks(`+1555510000${i}`, slow);
    for (let i = 0; i < 3; i++) await adminBooks(`+1555520000${i}`, fast);
    const from = (number: string) => h.fake.requests.filter((r) => r.form.From === number);
    await h.fake.waitFor(() => from(slow.number).length >= 10 && from(fast.number).length >= 6);
    const times = (number: string) =>
      from(number)
        .map((r) => r.at)
        .sort((a, b) => a - b);
    // 5 a second: slots are handed out 200 ms apart. A send delayed after its slot (a busy event
    // loop) can leave just before the next one, so k + 1 sends span at least k - 1 slots; without
    // pacing, all ten would leave within a few milliseconds.
    const slowTimes = times(slow.number);
    for (let i = 0; i < slowTimes.length; i++) {
      for (let j = i + 2; j < slowTimes.length; j++)
        expect(slowTimes[j] - slowTimes[i]).toBeGreaterThanOrEqual((j - i - 1) * 200);
    }
    // The fast number did not queue behind the slow one.
    const span = (requests: RecordedRequest[]) =>
      Math.max(...requests.map((r) => r.at)) - Math.min(...requests.map((r) => r.at));
    expect(span(from(fast.number))).toBeLessThan(1_000);
  });

  it('records and prints the message instead of sending when Twilio is not configured', async () => {
    await h.stop();
    const printed: string[] = [];
    await h.start({ ...FAST, transport: new OfflineTransport((line) => printed.push(line)) });
    h.fake.reset();
    const phone = '+15555000005';
    await adminBooks(phone);
    const [row] = await h.eventually(async () => {
      const rows = await customerRow(phone);
      expect(rows[0]?.status).toBe('sent');
      return rows;
    });
    expect(row.providerSid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(printed).toContainEqual(`[offline] ${shop.number} → ${phone}: ${row.body}`);
    expect(h.fake.requests).toHaveLength(0);

    // A message recorded as not sent is printed too, so a developer sees what was held back.
    const optedOut = '+15555000006';
    const customerId = await shop.customer(optedOut);
    await h.query(`UPDATE customer SET opted_out_at = now() WHERE id = $1`, [customerId]);
    await adminBooks(optedOut);
    await h.eventually(async () =>
      expect(printed).toContainEqual(expect.stringMatching(/^\[offline\] not sent \(21610\) .* → \+15555000006: /)),
    );
  });
});
