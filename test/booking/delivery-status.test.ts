import { randomBytes, randomUUID } from 'node:crypto';
import { markSent, recordStatusCallback } from '../../booking/repositories/delivery-status';
import { poolSql, type Sql } from '../../booking/repositories/sql';
import { createTestShop, type TestShop, testBusinessFile } from '../helpers/business';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/** Twilio's status callback and the sender's storing of the SID, in either order or at once. */

let t: TestDatabase;
let shop: TestShop;
let sql: Sql;
let phones = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(t.db, testBusinessFile(), '2026-11-23T08:00:00-08:00');
  sql = poolSql(t.db);
});
afterAll(() => t.drop());

const sid = () => `SM${randomBytes(16).toString('hex')}`;
const NOW = new Date('2026-11-23T16:00:00Z');

/** A reminder to a customer of the shop, handed to Twilio and not yet recorded as sent. */
async function beingSent(): Promise<{ id: string; phone: string }> {
  const phone = `+1555400${String(phones++).padStart(4, '0')}`;
  const customerId = await shop.customer(phone);
  const id = randomUUID();
  await t.db.query(
    `INSERT INTO message (id, business_id, customer_id, direction, channel, purpose, from_address, to_address, body, status)
     VALUES ($1, $2, $3, 'outbound', 'sms', 'reminder', $4, $5, 'See you tomorrow at 10', 'sending')`,
    [id, shop.catalog.business.id, customerId, shop.catalog.endpoints[0].address, phone],
  );
  return { id, phone };
}
const row = async (id: string) =>
  (
    await t.db.query(
      `SELECT status, error_code AS "errorCode", provider_sid AS "providerSid" FROM message WHERE id = $1`,
      [id],
    )
  )[0];
const optedOut = async (phone: string) =>
  (await t.db.query(`SELECT opted_out_at FROM customer WHERE phone = $1`, [phone]))[0].opted_out_at;

describe('delivery statuses', () => {
  it('keeps a report that comes before the SID is stored and applies it then, never backwards', async () => {
    const delivered = await beingSent();
    const early = sid();
    expect(await recordStatusCallback(sql, { providerSid: early, status: 'delivered', errorCode: null }, NOW)).toBe(
      'kept',
    );
    // An older report after it changes nothing.
    expect(await recordStatusCallback(sql, { providerSid: early, status: 'queued', errorCode: null }, NOW)).toBe(
      'kept',
    );
    await markSent(sql, delivered.id, early, new Date());
    expect(await row(delivered.id)).toEqual({ status: 'delivered', errorCode: null, providerSid: early });

    const queued = await beingSent();
    const queuedSid = sid();
    await recordStatusCallback(sql, { providerSid: queuedSid, status: 'queued', errorCode: null }, NOW);
    await markSent(sql, queued.id, queuedSid, new Date());
    expect(await row(queued.id)).toEqual({ status: 'sent', errorCode: null, providerSid: queuedSid });

    const undelivered = await beingSent();
    const undeliveredSid = sid();
    await recordStatusCallback(sql, { providerSid: undeliveredSid, status: 'undelivered', errorCode: 30003 }, NOW);
    await markSent(sql, undelivered.id, undeliveredSid, new Date());
    expect(await row(undelivered.id)).toEqual({ status: 'undelivered', errorCode: 30003, providerSid: undeliveredSid });
    // Applied once: nothing is left to apply to another message.
    expect(
      await t.db.query(`SELECT provider_sid FROM early_delivery_status WHERE provider_sid = ANY($1)`, [
        [early, queuedSid, undeliveredSid],
      ]),
    ).toEqual([]);
  });

  it('never loses a report that arrives while the SID is being stored', async () => {
    const messages = await Promise.all(Array.from({ length: 40 }, () => beingSent()));
    const sids = messages.map(() => sid());
    await Promise.all(
      messages.flatMap((m, i) => [
        recordStatusCallback(sql, { providerSid: sids[i], status: 'delivered', errorCode: null }, NOW),
        markSent(sql, m.id, sids[i], new Date()),
      ]),
    );
    const rows = await Promise.all(messages.map((m) => row(m.id)));
    expect(rows).toEqual(sids.map((providerSid) => ({ status: 'delivered', errorCode: null, providerSid })));
  });

  it('opts the customer out on a failed report with 21610, as a refused send does', async () => {
    const m = await beingSent();
    const s = sid();
    await markSent(sql, m.id, s, new Date());
    expect(await recordStatusCallback(sql, { providerSid: s, status: 'failed', errorCode: 21610 }, NOW)).toBe(
      'applied',
    );
    expect(await row(m.id)).toEqual({ status: 'failed', errorCode: 21610, providerSid: s });
    expect(await optedOut(m.phone)).toEqual(NOW);
  });
});
