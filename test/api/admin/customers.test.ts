import { Phone } from '../../helpers/app';
import { adminApp, type Demo } from './support';

/** Customers as the front desk finds them: search, one customer in full, their conversation. */
const { t, edgar, demo } = adminApp();
let shop: Demo;

beforeAll(async () => {
  shop = await demo('edgar');
});

describe('customers', () => {
  it('finds customers by part of the name, any case, or by digits of the phone', async () => {
    await shop.book({ phone: '+15552110001', name: 'María José Pérez', at: '2026-11-24T10:00' });
    await shop.book({ phone: '+15552110002', name: 'Tom Baker', at: '2026-11-24T14:00' });
    const names = async (q: string) =>
      (await edgar().get(`/api/admin/customers?q=${encodeURIComponent(q)}`)).body.customers.map(
        (c: { name: string }) => c.name,
      );
    expect(await names('josé')).toEqual(['María José Pérez']);
    expect(await names('BAKER')).toEqual(['Tom Baker']);
    expect(await names('211-0002')).toEqual(['Tom Baker']);
    expect(await names('555211')).toEqual(expect.arrayContaining(['María José Pérez', 'Tom Baker']));
    expect(await names('%')).toEqual([]);
    expect(await names('zzz')).toEqual([]);
    expect((await edgar().get(`/api/admin/customers?q=${'x'.repeat(101)}`)).body.field).toBe('querystring.q');
  });

  it('shows a customer with details, upcoming and past visits, no-shows and opt-out', async () => {
    const first = await shop.book({ phone: '+15552120001', name: 'Lu', at: '2026-11-24T08:00' });
    const second = await shop.book({ phone: '+15552120001', at: '2026-11-26T08:00' });
    await t().runtime.db.query(
      `UPDATE customer SET details = '{"vehicle": "2015 Honda Civic", "address": "12 Oak St"}', opted_out_at = now() WHERE id = $1`,
      [first.customerId],
    );
    await t().booking.appointments.changeStatus({
      businessId: shop.catalog.business.id,
      appointmentId: first.id,
      to: 'no_show',
      actor: { kind: 'owner', phone: '+15550109999' },
    });
    const detail = await edgar().get(`/api/admin/customers/${first.customerId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.customer).toMatchObject({
      name: 'Lu',
      phone: '+15552120001',
      details: { vehicle: '2015 Honda Civic', address: '12 Oak St' },
      optedOutAt: expect.any(String),
    });
    expect(detail.body.upcoming.map((v: { id: string }) => v.id)).toEqual([second.id]);
    expect(detail.body.past.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
      [first.id, 'no_show'],
    ]);
    expect(detail.body.noShows).toBe(1);
    expect((await edgar().get('/api/admin/customers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('shows every message in and out of a conversation, in order, with delivery status', async () => {
    const phone = new Phone(t(), '+15552130001', '+15550100001');
    await phone.say('how much is an oil change?');
    await phone.say('thanks');
    const [customer] = await t().runtime.db.query('SELECT id FROM customer WHERE phone = $1', [phone.from]);
    const conversation = await edgar().get(`/api/admin/customers/${customer.id}/messages`);
    expect(conversation.status).toBe(200);
    const lines = conversation.body.messages.map((m: { direction: string; body: string; status: string }) => [
      m.direction,
      m.status,
      m.body.slice(0, 20),
    ]);
    expect(lines).toEqual([
      ['inbound', 'received', 'how much is an oil c'],
      ['outbound', 'replied', expect.any(String)],
      ['inbound', 'received', 'thanks'],
      ['outbound', 'replied', expect.any(String)],
    ]);
    expect(conversation.body.channels).toEqual([{ channel: 'sms', lastInboundAt: expect.any(String) }]);
  });
});
