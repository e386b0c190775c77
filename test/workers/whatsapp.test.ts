import { FAST, Harness, laTime, type Shop } from './support/harness';

/**
 * WhatsApp reminders, 3 s before 10:00: a free-form text inside the 24-hour window, the approved
 * template outside it (or when Twilio says the window closed: 63016), and nothing without one.
 */
const TEMPLATE = 'HX0000000000000000000000000000a002';
const START = '2026-11-23T10:00';

let h: Harness;
const customers = { open: '+15554000001', closed: '+15554000002', refused: '+15554000003', noTemplate: '+15554000004' };
const wa = (phone: string) => `whatsapp:${phone}`;
const refs: Record<keyof typeof customers, string> = {} as never;

async function whatsappShop(address: string, templates: Record<string, unknown>, staff: string[]): Promise<Shop> {
  return h.shop(
    (f) => {
      f.channels = [{ channel: 'whatsapp', address }];
      f.whatsappTemplates = templates;
      f.staff = staff.map((key) => ({ key, name: key }));
    },
    [3],
  );
}

async function lastWroteAt(shop: Shop, customerId: string, at: string): Promise<void> {
  await h.query(
    `INSERT INTO conversation (business_id, customer_id, channel, last_inbound_at) VALUES ($1, $2, 'whatsapp', $3)`,
    [shop.businessId, customerId, new Date(at)],
  );
}

beforeAll(async () => {
  h = await Harness.create('whatsapp', { now: '2026-11-23T09:59:50-08:00' });
  const withTemplate = await whatsappShop('whatsapp:+15554990001', { reminder: { en: TEMPLATE } }, ['a', 'b', 'c']);
  const without = await whatsappShop('whatsapp:+15554990002', {}, ['d']);
  await h.start(FAST);
  h.clock.set('2026-11-23T09:59:54-08:00');
  const plan: [keyof typeof customers, Shop, string, string][] = [
    ['open', withTemplate, 'a', '2026-11-23T08:00-08:00'],
    ['closed', withTemplate, 'b', '2026-11-21T08:00-08:00'],
    ['refused', withTemplate, 'c', '2026-11-23T08:00-08:00'],
    ['noTemplate', without, 'd', '2026-11-20T08:00-08:00'],
  ];
  h.fake.script(wa(customers.refused), 63016);
  for (const [who, shop, staff, wrote] of plan) {
    const id = await shop.customer(customers[who], { name: who });
    await lastWroteAt(shop, id, wrote);
    refs[who] = (await shop.book(id, laTime(START), { staff, channel: 'whatsapp' })).reference;
  }
  await h.clock.until(laTime('2026-11-23T09:59:58'));
  await h.fake.waitFor((all) => all.length >= 4);
  await new Promise((r) => setTimeout(r, 300));
}, 30_000);
afterAll(() => h.close());

const reminderRow = async (phone: string) =>
  (await h.messages(`to_address = $1 AND purpose = 'reminder'`, [wa(phone)]))[0];

describe('WhatsApp reminders', () => {
  it('are free-form text inside the 24-hour window', async () => {
    const [sent] = h.fake.to(wa(customers.open));
    expect(sent.form).toMatchObject({
      From: 'whatsapp:+15554990001',
      Body: expect.stringContaining(`Ref ${refs.open}`),
    });
    expect(sent.form.ContentSid).toBeUndefined();
    expect(await reminderRow(customers.open)).toMatchObject({
      status: 'sent',
      providerSid: sent.sid,
      channel: 'whatsapp',
    });
  });

  it('use the approved template, with its variables, outside the window', async () => {
    const sent = h.fake.to(wa(customers.closed));
    expect(sent).toHaveLength(1);
    expect(sent[0].form.Body).toBeUndefined();
    expect(sent[0].form.ContentSid).toBe(TEMPLATE);
    expect(JSON.parse(sent[0].form.ContentVariables)).toEqual({
      1: 'Test Shop',
      2: 'Oil change',
      3: 'Mon Nov 23 at 10:00 AM',
      4: refs.closed,
    });
    expect(await reminderRow(customers.closed)).toMatchObject({ status: 'sent', providerSid: sent[0].sid });
  });

  it('fall back to the template when Twilio answers 63016 to the free-form text', async () => {
    const sent = h.fake.to(wa(customers.refused));
    expect(sent.map((r) => [r.answered, r.form.ContentSid ?? 'body'])).toEqual([
      [63016, 'body'],
      [201, TEMPLATE],
    ]);
    expect(await reminderRow(customers.refused)).toMatchObject({ status: 'sent', providerSid: sent[1].sid });
  });

  it('are skipped and recorded, never sent free-form, outside the window without a template', async () => {
    expect(h.fake.to(wa(customers.noTemplate))).toHaveLength(0);
    expect(await reminderRow(customers.noTemplate)).toMatchObject({
      status: 'skipped',
      errorCode: 63016,
      providerSid: null,
      body: expect.stringContaining(refs.noTemplate),
    });
  });
});
