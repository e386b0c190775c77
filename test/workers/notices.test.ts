import { FAST, Harness, laTime, type Shop } from './support/harness';

const OWNER = '+15550109999';
let h: Harness;

beforeAll(async () => {
  h = await Harness.create('notices', { now: '2026-11-23T09:00:00-08:00' });
  await h.start(FAST);
});
afterAll(() => h.close());

const ownerRequests = () => h.fake.to(OWNER);

describe('owner and customer notices', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await h.shop((f) => (f.name = "Edgar's Mobile Auto Shop"));
  });

  it('tells the owner of a booking exactly once, with the SID recorded on the message row', async () => {
    const ana = await shop.customer('+15552000001', { name: 'Ana' });
    const visit = await shop.book(ana, laTime('2026-11-24T10:00'));
    const [request] = await h.fake.waitFor(() => ownerRequests().length >= 1).then(ownerRequests);
    expect(request.form).toMatchObject({
      From: shop.number,
      To: OWNER,
      StatusCallback: 'https://textbook.test.example/webhooks/twilio/status',
    });
    // The notice ends with the commands that answer it.
    expect(request.form.Body).toBe(
      `New: Oil change Tue Nov 24 at 10:00 AM for Ana. Reply "cancel ${visit.reference}" or "@${visit.reference} your message".`,
    );
    const rows = await h.eventually(async () => {
      const found = await h.messages(`purpose = 'owner_notice' AND status = 'sent'`);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(rows[0]).toMatchObject({
      providerSid: request.sid,
      toAddress: OWNER,
      appointmentId: visit.id,
      body: request.form.Body,
    });
    // The customer booked it themselves: they already had the reply inline, nothing more goes to them.
    await new Promise((r) => setTimeout(r, 300));
    expect(ownerRequests()).toHaveLength(1);
    expect(h.fake.to('+15552000001')).toHaveLength(0);
  });

  it('asks the owner to approve a request, then tells the customer in their language', async () => {
    const clinic = await h.shop((f) => {
      f.name = 'Taller Rápido';
      f.locale = 'es';
      f.locales = ['es', 'en'];
      f.services = [{ key: 'oil-change', names: { es: 'Cambio de aceite', en: 'Oil change' }, durationMinutes: 45 }];
      f.settings = { ...f.settings, requiresApproval: true };
    });
    const luis = await clinic.customer('+15552000002', { name: 'Luis', locale: 'en' });
    const visit = await clinic.book(luis, laTime('2026-11-24T11:00'));
    expect(visit.status).toBe('pending_approval');
    await h.fake.waitFor(() => ownerRequests().some((r) => r.form.Body.includes(visit.reference)));
    const ask = ownerRequests().find((r) => r.form.Body.includes(visit.reference))!;
    expect(ask.form.Body).toBe(
      `Solicitud: Cambio de aceite martes 24 nov, 11:00 para Luis. Responde "ok ${visit.reference}" o "no ${visit.reference}".`,
    );

    await h.booking.appointments.changeStatus({
      businessId: clinic.businessId,
      appointmentId: visit.id,
      to: 'booked',
      actor: { kind: 'owner', phone: OWNER },
    });
    const [told] = await h.fake
      .waitFor(() => h.fake.to('+15552000002').length >= 1)
      .then(() => h.fake.to('+15552000002'));
    expect(told.form.Body).toBe(
      `Confirmed: your Oil change with Taller Rápido, Tue Nov 24 at 11:00 AM. Ref ${visit.reference}.`,
    );
    expect(told.form.Body).not.toMatch(/\bCANCEL\b/);
  });

  it('tells the customer when the owner moves or cancels, and the owner is not told of their own change', async () => {
    const bo = await shop.customer('+15552000003', { name: 'Bo' });
    const visit = await shop.book(bo, laTime('2026-11-25T09:00'));
    await h.fake.waitFor(() => ownerRequests().some((r) => r.form.Body.includes(visit.reference)));
    const owner = { kind: 'owner' as const, phone: OWNER };
    const moved = await h.booking.appointments.reschedule({
      businessId: shop.businessId,
      appointmentId: visit.id,
      start: laTime('2026-11-25T14:00'),
      actor: owner,
    });
    if (!moved.ok) throw new Error('reschedule refused');
    await h.booking.appointments.cancel({
      businessId: shop.businessId,
      appointmentId: visit.id,
      reason: 'sick',
      actor: owner,
    });
    const told = await h.fake
      .waitFor(() => h.fake.to('+15552000003').length >= 2)
      .then(() => h.fake.to('+15552000003'));
    expect(told.map((r) => r.form.Body).sort()).toEqual(
      [
        `Edgar's Mobile Auto Shop moved your Oil change to Wed Nov 25 at 2:00 PM. Ref ${visit.reference}.`,
        "Edgar's Mobile Auto Shop cancelled your Oil change on Wed Nov 25 at 2:00 PM (sick). Text us to book another time.",
      ].sort(),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(ownerRequests().filter((r) => r.form.Body.includes(visit.reference))).toHaveLength(1);
    const rows = await h.messages(`appointment_id = $1 AND purpose = 'customer_notice'`, [visit.id]);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
  });
});
