import { adminApp, type Demo } from './support';

/** What the front desk changes reaches the customer: through the outbox, the workers and Twilio's REST API. */
const { t, edgar, clinica, demo, twilio } = adminApp({ workers: true });
let shop: Demo;

beforeAll(async () => {
  shop = await demo('edgar');
});

const sentTo = (phone: string) =>
  twilio()
    .waitFor((all) => all.some((r) => r.form.To === phone))
    .then(() => twilio().to(phone));

describe('customers told of what the front desk did', () => {
  it('tells a customer who phoned in that they are booked, from the business number', async () => {
    const slots = (await edgar().get(`/api/admin/slots?serviceId=${shop.serviceId('oil-change')}&date=2026-11-24`)).body
      .slots;
    const booked = await edgar().post('/api/admin/appointments', {
      serviceId: shop.serviceId('oil-change'),
      start: slots[0].start,
      phone: '+15552310001',
      name: 'Kim',
    });
    expect(booked.status).toBe(201);
    const [told] = await sentTo('+15552310001');
    expect(told.form).toMatchObject({ From: '+15550100001', To: '+15552310001' });
    expect(told.form.Body).toBe(
      `Edgar's Mobile Auto Shop booked your Oil change for Tue Nov 24 at 8:00 AM. Ref ${booked.body.reference}.`,
    );
    const [owner] = await sentTo('+15550109999');
    expect(owner.form.Body).toContain(booked.body.reference);
    const detail = await t().booking.admin.agenda.detail(shop.catalog.business.id, booked.body.id);
    expect(detail.messages.map((m) => [m.purpose, m.direction])).toEqual(
      expect.arrayContaining([['customer_notice', 'outbound']]),
    );
  });

  it('tells the customer of a cancel, and nobody of a mark done', async () => {
    const visit = await shop.book({ phone: '+15552310002', name: 'Lee', at: '2026-11-25T10:00' });
    const cancelled = await edgar().post(`/api/admin/appointments/${visit.id}/cancel`, {
      reason: 'Out sick',
      version: 1,
    });
    expect(cancelled.status).toBe(200);
    const [told] = await sentTo('+15552310002');
    expect(told.form.Body).toBe(
      "Edgar's Mobile Auto Shop cancelled your Oil change on Wed Nov 25 at 10:00 AM (Out sick). Text us to book another time.",
    );
    const done = await shop.book({ phone: '+15552310003', at: '2026-11-26T10:00' });
    await edgar().post(`/api/admin/appointments/${done.id}/status`, { status: 'completed', version: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect(twilio().to('+15552310003')).toEqual([]);
  });

  it('records a WhatsApp notice it may not send outside the 24-hour window as skipped, not lost', async () => {
    const clinic = await demo('clinica-santiago');
    const booked = await clinica().post('/api/admin/appointments', {
      serviceId: clinic.serviceId('control'),
      start: clinic.at('2026-11-25T10:00').toISOString(),
      phone: '+56912310001',
      name: 'Marta',
    });
    expect(booked.status).toBe(201);
    const messages = await t()
      .booking.admin.agenda.detail(clinic.catalog.business.id, booked.body.id)
      .then(async (d) => {
        for (let i = 0; i < 100 && !d.messages.length; i++) {
          await new Promise((r) => setTimeout(r, 50));
          d = await t().booking.admin.agenda.detail(clinic.catalog.business.id, booked.body.id);
        }
        return d.messages;
      });
    expect(messages.find((m) => m.purpose === 'customer_notice')).toMatchObject({
      status: 'skipped',
      errorCode: 63016,
    });
    expect(twilio().to('whatsapp:+56912310001')).toEqual([]);
  });

  it('sends a reply typed at the front desk to the customer, from the business number', async () => {
    const visit = await shop.book({ phone: '+15552310004', name: 'Mo', at: '2026-11-27T10:00' });
    const sent = await edgar().post(`/api/admin/customers/${visit.customerId}/messages`, {
      text: 'Can we come at 10:30 instead?',
    });
    expect(sent.status).toBe(202);
    const [told] = await sentTo('+15552310004');
    expect(told.form).toMatchObject({ From: '+15550100001', Body: 'Can we come at 10:30 instead?' });
    const conversation = await edgar().get(`/api/admin/customers/${visit.customerId}/messages`);
    expect(conversation.body.messages.at(-1)).toMatchObject({
      purpose: 'admin_reply',
      direction: 'outbound',
      body: 'Can we come at 10:30 instead?',
    });
  });
});
