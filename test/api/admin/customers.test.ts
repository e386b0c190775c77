import { Phone } from '../../helpers/app';
import { adminApp, type Demo } from './support';

/** Customers as the front desk finds them: search, one customer in full, their conversation, a reply. */
const { t, edgar, clinica, demo } = adminApp();
let shop: Demo;
let clinic: Demo;

beforeAll(async () => {
  shop = await demo('edgar');
  clinic = await demo('clinica-santiago');
});

const outboxFor = (customerId: string) =>
  t().runtime.db.query(
    `SELECT topic, payload FROM outbox WHERE topic = 'message.send' AND payload->'recipient'->>'customerId' = $1`,
    [customerId],
  );

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

  it('queues a reply from the business number, audit-logged; an empty one is refused', async () => {
    const visit = await shop.book({ phone: '+15552140001', name: 'Ray', at: '2026-11-25T09:00' });
    const customer = visit.customerId!;
    expect((await edgar().post(`/api/admin/customers/${customer}/messages`, { text: '' })).body.field).toBe(
      'body.text',
    );
    const sent = await edgar().post(`/api/admin/customers/${customer}/messages`, {
      text: 'Running 10 min late, sorry!',
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ outboxId: expect.any(String), queuedAt: '2026-11-23T17:00:00.000Z' });
    expect(await outboxFor(customer)).toEqual([
      {
        topic: 'message.send',
        payload: expect.objectContaining({
          recipient: { customerId: customer },
          text: 'Running 10 min late, sorry!',
          origin: 'admin_reply',
        }),
      },
    ]);
    const [audit] = await t().runtime.db.query(
      `SELECT actor, details FROM audit_log WHERE action = 'reply' AND target = 'customer:' || $1`,
      [customer],
    );
    expect(audit).toMatchObject({ actor: expect.stringMatching(/^admin:/), details: { outboxId: sent.body.outboxId } });
  });

  it('refuses a reply to a customer who opted out, and on WhatsApp outside the 24-hour window', async () => {
    const visit = await shop.book({ phone: '+15552140002', at: '2026-11-25T12:00' });
    await t().runtime.db.query('UPDATE customer SET opted_out_at = now() WHERE id = $1', [visit.customerId]);
    const optedOut = await edgar().post(`/api/admin/customers/${visit.customerId}/messages`, { text: 'Hello?' });
    expect(optedOut.status).toBe(409);
    expect(optedOut.body.error).toBe('RECIPIENT_OPTED_OUT');
    expect(await outboxFor(visit.customerId!)).toEqual([]);

    const patient = new Phone(t(), 'whatsapp:+56912140003', 'whatsapp:+56920000001');
    await patient.say('hola');
    const [row] = await t().runtime.db.query(`SELECT id FROM customer WHERE phone = '+56912140003'`);
    expect(
      (await clinica().post(`/api/admin/customers/${row.id}/messages`, { text: 'Hola, ¿en qué le ayudamos?' })).status,
    ).toBe(202);
    t().clock.advance(25 * 3_600_000);
    await clinica().login('admin@clinica.example');
    const late = await clinica().post(`/api/admin/customers/${row.id}/messages`, { text: '¿Sigue ahí?' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: 'WHATSAPP_WINDOW_CLOSED', message: expect.stringMatching(/24 hours/) });
    expect((await outboxFor(row.id)).map((r: { payload: { text: string } }) => r.payload.text)).toEqual([
      'Hola, ¿en qué le ayudamos?',
    ]);
    expect(clinic.catalog.endpoints[0].channel).toBe('whatsapp');
  });
});
