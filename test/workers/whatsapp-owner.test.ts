import { Queue } from 'bullmq';
import { JOBS, QUEUES } from '../../workers/queues';
import { FAST, Harness, laTime, type Shop } from './support/harness';

/**
 * A WhatsApp business reaches its owner on WhatsApp, under the same 24-hour window as its
 * customers: free-form text within a day of the owner's last message, else the approved template,
 * else by SMS when the business has an SMS number, else nothing sent (recorded as skipped, 63016,
 * and shown in the owner's `today`).
 */
const OWNER_TEMPLATE = 'HX00000000000000000000000000000b01';
const DIGEST_TEMPLATE = 'HX00000000000000000000000000000b02';
const owners = { wrote: '+15554981001', templated: '+15554981002', bare: '+15554981003' };
const wa = (phone: string) => `whatsapp:${phone}`;

let h: Harness;
let digest: Queue;
const shops = {} as Record<keyof typeof owners, Shop>;

async function whatsappShop(n: number, owner: string, templates: Record<string, unknown>): Promise<Shop> {
  return h.shop((f) => {
    f.channels = [{ channel: 'whatsapp', address: `whatsapp:+1555498000${n}` }];
    f.ownerPhones = [owner];
    f.whatsappTemplates = templates;
  });
}

beforeAll(async () => {
  h = await Harness.create('wa-owner', { now: '2026-11-23T08:00:00-08:00' });
  shops.wrote = await whatsappShop(1, owners.wrote, {});
  shops.templated = await whatsappShop(2, owners.templated, {
    ownerBooked: { en: OWNER_TEMPLATE },
    digest: { en: DIGEST_TEMPLATE },
  });
  shops.bare = await whatsappShop(3, owners.bare, {});
  // The first owner texted the business an hour ago; the others never did.
  const ownerAsSender = await shops.wrote.customer(owners.wrote);
  await h.query(
    `INSERT INTO conversation (business_id, customer_id, channel, last_inbound_at) VALUES ($1, $2, 'whatsapp', $3)`,
    [shops.wrote.businessId, ownerAsSender, new Date('2026-11-23T07:00:00-08:00')],
  );
  digest = new Queue(QUEUES.digest, { connection: { url: h.config.redisUrl }, prefix: h.runtime.redisPrefix });
  await h.start(FAST);
});
afterAll(async () => {
  await digest?.close();
  await h?.close();
});

const bookFor = async (shop: Shop) =>
  shop.book(await shop.customer('+15554982000', { name: 'Ana' }), laTime('2026-11-23T10:00'));
const ownerRows = (owner: string, purpose: string) =>
  h.messages(`to_address = $1 AND purpose = $2`, [wa(owner), purpose]);

describe("a WhatsApp-only business's owner", () => {
  it('gets free-form notices within 24 hours of writing to the business', async () => {
    const visit = await bookFor(shops.wrote);
    const [sent] = await h.fake
      .waitFor(() => h.fake.to(wa(owners.wrote)).length >= 1)
      .then(() => h.fake.to(wa(owners.wrote)));
    expect(sent.form).toMatchObject({
      From: 'whatsapp:+15554980001',
      Body: `New: Oil change Mon Nov 23 at 10:00 AM for Ana. Reply "cancel ${visit.reference}" or "@${visit.reference} your message".`,
    });
    expect(sent.form.ContentSid).toBeUndefined();
  });

  it('gets the approved template outside the window, with the visit and the customer as variables', async () => {
    const visit = await bookFor(shops.templated);
    const [sent] = await h.fake
      .waitFor(() => h.fake.to(wa(owners.templated)).length >= 1)
      .then(() => h.fake.to(wa(owners.templated)));
    expect(sent.form.Body).toBeUndefined();
    expect(sent.form.ContentSid).toBe(OWNER_TEMPLATE);
    expect(JSON.parse(sent.form.ContentVariables)).toEqual({
      1: 'Test Shop',
      2: 'Oil change',
      3: 'Mon Nov 23 at 10:00 AM',
      4: visit.reference,
      5: 'Ana',
    });
    await h.eventually(async () =>
      expect(await ownerRows(owners.templated, 'owner_notice')).toEqual([
        expect.objectContaining({ status: 'sent', providerSid: sent.sid }),
      ]),
    );
  });

  it('gets nothing sent outside the window without a template: the notice is recorded as skipped', async () => {
    const visit = await bookFor(shops.bare);
    await h.eventually(async () =>
      expect(await ownerRows(owners.bare, 'owner_notice')).toEqual([
        expect.objectContaining({
          status: 'skipped',
          errorCode: 63016,
          body: expect.stringContaining(visit.reference),
        }),
      ]),
    );
    expect(h.fake.to(wa(owners.bare))).toHaveLength(0);
  });

  it('gets the morning digest as its template outside the window, or skipped without one', async () => {
    const visit = (
      await h.query(`SELECT reference FROM appointment WHERE business_id = $1`, [shops.templated.businessId])
    )[0];
    await digest.add(JOBS.digest, { businessId: shops.templated.businessId });
    await digest.add(JOBS.digest, { businessId: shops.bare.businessId });
    await h.eventually(async () =>
      expect(await ownerRows(owners.bare, 'digest')).toEqual([
        expect.objectContaining({ status: 'skipped', errorCode: 63016 }),
      ]),
    );
    const [sent] = await h.fake
      .waitFor(() => h.fake.to(wa(owners.templated)).length >= 2)
      .then(() => h.fake.to(wa(owners.templated)).slice(1));
    expect(sent.form.Body).toBeUndefined();
    expect(sent.form.ContentSid).toBe(DIGEST_TEMPLATE);
    expect(JSON.parse(sent.form.ContentVariables)).toEqual({
      1: 'Test Shop',
      2: 'Mon Nov 23',
      // A template's variable holds no line break: the day's lines are run together.
      3: `10:00 AM ${visit.reference} Oil change, Ana (booked); Free: 8:00 AM-10:00 AM, 10:45 AM-5:00 PM`,
    });
    expect(h.fake.to(wa(owners.bare))).toHaveLength(0);
  });
});

describe('an owner whose WhatsApp window is closed', () => {
  it('hears by SMS when the business has an SMS number and no template', async () => {
    const owner = '+15554981004';
    const shop = await h.shop((f) => {
      f.channels = [
        { channel: 'whatsapp', address: 'whatsapp:+15554980004' },
        { channel: 'sms', address: '+15554980005' },
      ];
      f.ownerPhones = [owner];
    });
    // The owner last wrote on WhatsApp, two days ago: that is their channel, but its window is closed.
    const asSender = await shop.customer(owner);
    await h.query(
      `INSERT INTO conversation (business_id, customer_id, channel, last_inbound_at) VALUES ($1, $2, 'whatsapp', $3)`,
      [shop.businessId, asSender, new Date('2026-11-21T08:00:00-08:00')],
    );
    const visit = await bookFor(shop);
    const [sent] = await h.fake.waitFor(() => h.fake.to(owner).length >= 1).then(() => h.fake.to(owner));
    expect(sent.form).toMatchObject({
      From: '+15554980005',
      Body: `New: Oil change Mon Nov 23 at 10:00 AM for Ana. Reply "cancel ${visit.reference}" or "@${visit.reference} your message".`,
    });
    expect(h.fake.to(wa(owner))).toHaveLength(0);
  });
});
