import { InvalidRequest, RecipientOptedOut } from '../../booking/errors';
import { outboundMessage } from '../../booking/outbound';
import { appendOutbox } from '../../booking/repositories/outbox';
import { inTransaction } from '../../booking/repositories/sql';
import { messageIdFor } from '../../workers/compose/message-id';
import { FAST, Harness, type Shop } from './support/harness';

/**
 * The one outbound topic: any text (or WhatsApp template) to any person, written in the caller's
 * transaction or by `booking.outbound.send`, and sent by the workers like every notice.
 */
const SMS = '+15557300000';
const WHATSAPP = 'whatsapp:+15557300001';
const OWNER = '+15550109999';
const TEMPLATE = 'HX0000000000000000000000000000c001';
const HOUR = 3_600_000;

let h: Harness;
let shop: Shop;
let phones = 0;

beforeAll(async () => {
  h = await Harness.create('outbound', { now: '2026-11-23T09:00:00-08:00' });
  shop = await h.shop((f) => {
    f.channels = [
      { channel: 'sms', address: SMS },
      { channel: 'whatsapp', address: WHATSAPP },
    ];
  });
  await h.start(FAST);
});
afterAll(() => h.close());

/** A new customer; `wroteOnWhatsappHoursAgo` gives them a WhatsApp conversation that long ago. */
async function customer(wroteOnWhatsappHoursAgo?: number): Promise<{ id: string; phone: string }> {
  const phone = `+1555731${String(++phones).padStart(4, '0')}`;
  const id = await shop.customer(phone, { name: `Cu${phones}` });
  if (wroteOnWhatsappHoursAgo !== undefined) {
    await h.query(
      `INSERT INTO conversation (business_id, customer_id, channel, last_inbound_at) VALUES ($1, $2, 'whatsapp', $3)`,
      [shop.businessId, id, new Date(h.clock.now().getTime() - wroteOnWhatsappHoursAgo * HOUR)],
    );
  }
  return { id, phone };
}

/** The message row an outbox entry became, once it is done with (sent, skipped or failed). */
const rowFor = (outboxId: string) =>
  h.eventually(async () => {
    const [row] = await h.messages('id = $1', [messageIdFor(`outbound/${outboxId}`)]);
    expect(row?.status).toMatch(/^(sent|skipped|failed)$/);
    return row;
  });
const settle = () => new Promise((r) => setTimeout(r, 700));

describe('an outbound message', () => {
  it("goes by SMS from the business's number, recorded with its origin and SID", async () => {
    const { id, phone } = await customer();
    const { outboxId } = await h.booking.outbound.send({
      businessId: shop.businessId,
      recipient: { customerId: id },
      text: 'Your car is ready for pick-up.',
      origin: 'admin_reply',
    });
    const [sent] = await h.fake.waitFor(() => h.fake.to(phone).length >= 1).then(() => h.fake.to(phone));
    expect(sent.form).toMatchObject({ From: SMS, To: phone, Body: 'Your car is ready for pick-up.' });
    expect(await rowFor(outboxId)).toMatchObject({
      status: 'sent',
      purpose: 'admin_reply',
      providerSid: sent.sid,
      channel: 'sms',
      customerId: id,
    });
  });

  it("goes on the channel the customer last wrote on, from the business's address there", async () => {
    const { id, phone } = await customer(1);
    const { outboxId } = await h.booking.outbound.send({
      businessId: shop.businessId,
      recipient: { customerId: id },
      text: 'Running 15 minutes late, sorry!',
      origin: 'owner_relay',
    });
    const [sent] = await h.fake
      .waitFor(() => h.fake.to(`whatsapp:${phone}`).length >= 1)
      .then(() => h.fake.to(`whatsapp:${phone}`));
    expect(sent.form).toMatchObject({ From: WHATSAPP, Body: 'Running 15 minutes late, sorry!' });
    expect(sent.form.ContentSid).toBeUndefined();
    expect(await rowFor(outboxId)).toMatchObject({ status: 'sent', purpose: 'owner_relay', channel: 'whatsapp' });
  });

  it('reaches a phone that is not a customer (an owner), and takes no sender from the caller', async () => {
    const { outboxId } = await h.booking.outbound.send({
      businessId: shop.businessId,
      recipient: { phone: OWNER, channel: 'sms' },
      text: 'Ana asked for a call back.',
      origin: 'notice',
    });
    expect(await rowFor(outboxId)).toMatchObject({
      status: 'sent',
      fromAddress: SMS,
      toAddress: OWNER,
      customerId: null,
    });
    const request = {
      businessId: shop.businessId,
      recipient: { phone: OWNER, channel: 'sms' as const },
      text: 'hi',
      origin: 'notice' as const,
    };
    for (const sender of [{ from: '+15550000000' }, { replyToAddress: '+15550000000' }]) {
      expect(() => outboundMessage({ ...request, ...sender } as never)).toThrow(InvalidRequest);
      await expect(h.booking.outbound.send({ ...request, ...sender } as never)).rejects.toMatchObject({
        code: 'INVALID_REQUEST',
      });
      const inRecipient = { ...request, recipient: { ...request.recipient, ...sender } };
      expect(() => outboundMessage(inRecipient as never)).toThrow(InvalidRequest);
    }
  });

  it("is written in the caller's transaction: nothing goes when it rolls back", async () => {
    const { id, phone } = await customer();
    const entry = outboundMessage({
      businessId: shop.businessId,
      recipient: { customerId: id },
      text: 'Your quote: $120.',
      origin: 'admin_reply',
    });
    await expect(
      inTransaction(h.runtime.db, async (tx) => {
        await appendOutbox(tx, [entry]);
        throw new Error('the change that caused it failed');
      }),
    ).rejects.toThrow('the change that caused it failed');
    await settle();
    expect(h.fake.to(phone)).toHaveLength(0);
    const [outboxId] = await inTransaction(h.runtime.db, (tx) => appendOutbox(tx, [entry]));
    expect(await rowFor(outboxId)).toMatchObject({ status: 'sent', body: 'Your quote: $120.', toAddress: phone });
    expect(h.fake.to(phone)).toHaveLength(1);
  });

  it('is refused for a customer who opted out, and skipped for one who opts out before it is composed', async () => {
    const refused = await customer();
    await h.query(`UPDATE customer SET opted_out_at = now() WHERE id = $1`, [refused.id]);
    const request = {
      businessId: shop.businessId,
      recipient: { customerId: refused.id },
      text: 'Hello again',
      origin: 'admin_reply' as const,
    };
    const error = await h.booking.outbound.send(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecipientOptedOut);
    expect(error).toMatchObject({ code: 'RECIPIENT_OPTED_OUT' });
    const [{ n }] = await h.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE payload->'recipient'->>'customerId' = $1`,
      [refused.id],
    );
    expect(n).toBe(0);

    // STOP arrives in the same transaction that wrote the message: the workers find them opted out.
    const late = await customer();
    const [outboxId] = await inTransaction(h.runtime.db, async (tx) => {
      const ids = await appendOutbox(tx, [outboundMessage({ ...request, recipient: { customerId: late.id } })]);
      await tx.rows(`UPDATE customer SET opted_out_at = now() WHERE id = $1`, [late.id]);
      return ids;
    });
    expect(await rowFor(outboxId)).toMatchObject({ status: 'skipped', errorCode: 21610, providerSid: null });
    expect(h.fake.to(late.phone)).toHaveLength(0);
  });

  it('is retried after a 429 and records the SID of the attempt Twilio took', async () => {
    const { id, phone } = await customer();
    h.fake.script(phone, 429);
    const { outboxId } = await h.booking.outbound.send({
      businessId: shop.businessId,
      recipient: { customerId: id },
      text: 'See you at 3.',
      origin: 'admin_reply',
    });
    const tries = await h.fake.waitFor(() => h.fake.to(phone).length >= 2).then(() => h.fake.to(phone));
    expect(tries.map((r) => r.answered)).toEqual([429, 201]);
    expect(await rowFor(outboxId)).toMatchObject({ status: 'sent', providerSid: tries[1].sid, errorCode: null });
  });

  describe('on WhatsApp', () => {
    const send = (customerId: string, extra: Record<string, unknown>) =>
      h.booking.outbound.send({
        businessId: shop.businessId,
        recipient: { customerId, channel: 'whatsapp' },
        origin: 'admin_reply',
        ...extra,
      });

    it('is skipped and recorded outside the 24-hour window without a template', async () => {
      const { id, phone } = await customer(30);
      const { outboxId } = await send(id, { text: 'Are you still interested?' });
      expect(await rowFor(outboxId)).toMatchObject({
        status: 'skipped',
        errorCode: 63016,
        body: 'Are you still interested?',
        channel: 'whatsapp',
      });
      await settle();
      expect(h.fake.to(`whatsapp:${phone}`)).toHaveLength(0);
    });

    it('sends the template, with its variables, outside the window', async () => {
      const { id, phone } = await customer(30);
      const { outboxId } = await send(id, {
        text: 'Are you still interested?',
        template: { contentSid: TEMPLATE, variables: { 1: 'Test Shop', 2: 'Mon 10:00' } },
      });
      const [sent] = await h.fake
        .waitFor(() => h.fake.to(`whatsapp:${phone}`).length >= 1)
        .then(() => h.fake.to(`whatsapp:${phone}`));
      expect(sent.form.Body).toBeUndefined();
      expect(sent.form).toMatchObject({ From: WHATSAPP, ContentSid: TEMPLATE });
      expect(JSON.parse(sent.form.ContentVariables)).toEqual({ 1: 'Test Shop', 2: 'Mon 10:00' });
      expect(await rowFor(outboxId)).toMatchObject({ status: 'sent', providerSid: sent.sid });
    });

    it('sends a template-only message as the template, inside the window too', async () => {
      const { id, phone } = await customer(1);
      const { outboxId } = await send(id, { template: { contentSid: TEMPLATE, variables: { 1: 'Test Shop' } } });
      const [sent] = await h.fake
        .waitFor(() => h.fake.to(`whatsapp:${phone}`).length >= 1)
        .then(() => h.fake.to(`whatsapp:${phone}`));
      expect(sent.form).toMatchObject({ ContentSid: TEMPLATE });
      expect(await rowFor(outboxId)).toMatchObject({
        status: 'sent',
        body: `[template ${TEMPLATE} {"1":"Test Shop"}]`,
      });
      await expect(
        h.booking.outbound.send({
          businessId: shop.businessId,
          recipient: { customerId: id },
          template: { contentSid: TEMPLATE, variables: {} },
          origin: 'admin_reply',
        }),
      ).rejects.toThrow(/name channel whatsapp/);
    });
  });

  it("is paced at the business number's rate, like every message from it", async () => {
    await h.stop();
    await h.start({ ...FAST, sendRate: (from) => (from === SMS ? 5 : Infinity) });
    h.fake.reset();
    const people = await Promise.all(Array.from({ length: 5 }, () => customer()));
    for (const person of people) {
      await h.booking.outbound.send({
        businessId: shop.businessId,
        recipient: { customerId: person.id },
        text: 'We are closed on Thursday.',
        origin: 'notice',
      });
    }
    await h.fake.waitFor(() => h.fake.requests.filter((r) => r.form.From === SMS).length >= 5);
    const times = h.fake.requests
      .filter((r) => r.form.From === SMS)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    // 5 a second: slots 200 ms apart; k + 1 sends span at least k - 1 slots (see sender.test.ts).
    for (let i = 0; i < times.length; i++) {
      for (let j = i + 2; j < times.length; j++) expect(times[j] - times[i]).toBeGreaterThanOrEqual((j - i - 1) * 200);
    }
  });
});
