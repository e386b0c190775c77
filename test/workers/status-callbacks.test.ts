import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { buildApp } from '../../api/app';
import { createAppServices } from '../../api/services';
import { ACCOUNT_SID, AUTH_TOKEN, FAST, Harness, laTime, type Shop } from './support/harness';

/**
 * Twilio's status callbacks against the real sender: the fake Twilio can report a message's fate
 * before it answers the send, as Twilio may, so the report reaches the app before the SID is stored.
 */

const ADMIN = { kind: 'admin' as const, userId: 'front-desk' };
let h: Harness;
let shop: Shop;
let app: FastifyInstance;
let slot = 0;

beforeAll(async () => {
  h = await Harness.create('status-callbacks', { now: '2026-11-23T07:00:00-08:00' });
  shop = await h.shop();
  app = await buildApp(h.runtime, createAppServices(h.runtime));
  await h.start(FAST);
});
afterEach(() => h.fake.beforeAnswering(null));
afterAll(async () => {
  await app.close();
  await h.close();
});

/** Twilio's status callback for a SID, signed as Twilio signs it. */
async function report(sid: string, status: string, errorCode?: number): Promise<number> {
  const form: Record<string, string> = {
    MessageSid: sid,
    MessageStatus: status,
    AccountSid: ACCOUNT_SID,
    ...(errorCode ? { ErrorCode: String(errorCode) } : {}),
  };
  const signature = twilio.getExpectedTwilioSignature(
    AUTH_TOKEN,
    `${h.config.publicBaseUrl}/webhooks/twilio/status`,
    form,
  );
  const response = await app.inject({
    method: 'POST',
    url: '/webhooks/twilio/status',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    payload: new URLSearchParams(form).toString(),
  });
  return response.statusCode;
}

/** An admin books for this phone: the customer is told by the outbound sender. */
async function adminBooks(phone: string): Promise<string> {
  const customerId = await shop.customer(phone);
  await shop.book(customerId, new Date(laTime('2026-11-24T10:00').getTime() + slot++ * 86_400_000), { actor: ADMIN });
  return customerId;
}

const customerRows = (phone: string) => h.messages(`to_address = $1 AND purpose = 'customer_notice'`, [phone]);
const optedOutAt = async (customerId: string) =>
  (await h.query(`SELECT opted_out_at FROM customer WHERE id = $1`, [customerId]))[0].opted_out_at;
const settle = () => new Promise((r) => setTimeout(r, 700));

describe('status callbacks', () => {
  it('applies a delivery report that came before the SID was stored, instead of leaving the message "sent"', async () => {
    const phone = '+15556000001';
    const answers: number[] = [];
    h.fake.beforeAnswering(async (request) => {
      if (request.form.To === phone) answers.push(await report(request.sid!, 'delivered'));
    });
    await adminBooks(phone);
    const [sent] = await h.fake.waitFor(() => h.fake.to(phone).length >= 1).then(() => h.fake.to(phone));
    await h.eventually(async () =>
      expect(await customerRows(phone)).toEqual([
        expect.objectContaining({ status: 'delivered', providerSid: sent.sid, errorCode: null }),
      ]),
    );
    expect(answers).toEqual([204]);
  });

  it('opts the customer out on a failed report with 21610 that came before the SID, and sends them nothing more', async () => {
    const phone = '+15556000002';
    h.fake.beforeAnswering(async (request) => {
      if (request.form.To === phone) await report(request.sid!, 'failed', 21610);
    });
    const customerId = await adminBooks(phone);
    await h.eventually(async () =>
      expect(await customerRows(phone)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 21610 })]),
    );
    expect(await optedOutAt(customerId)).toBeInstanceOf(Date);

    await adminBooks(phone);
    await h.eventually(async () =>
      expect((await customerRows(phone)).map((m) => [m.status, m.errorCode])).toEqual([
        ['failed', 21610],
        ['skipped', 21610],
      ]),
    );
    await settle();
    expect(h.fake.to(phone)).toHaveLength(1);
  });

  it('opts the customer out on a failed report with 21610 after the message was sent, and sends them nothing more', async () => {
    const phone = '+15556000003';
    const customerId = await adminBooks(phone);
    const [sent] = await h.fake.waitFor(() => h.fake.to(phone).length >= 1).then(() => h.fake.to(phone));
    await h.eventually(async () =>
      expect(await customerRows(phone)).toEqual([expect.objectContaining({ status: 'sent', providerSid: sent.sid })]),
    );
    expect(await report(sent.sid!, 'failed', 21610)).toBe(204);
    expect(await customerRows(phone)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 21610 })]);
    expect(await optedOutAt(customerId)).toBeInstanceOf(Date);

    await adminBooks(phone);
    await h.eventually(async () =>
      expect((await customerRows(phone)).map((m) => [m.status, m.errorCode])).toEqual([
        ['failed', 21610],
        ['skipped', 21610],
      ]),
    );
    await settle();
    expect(h.fake.to(phone)).toHaveLength(1);
  });
});
