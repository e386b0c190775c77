import { adminApp, type Demo } from './support';

/** The calendar from the front desk: lists, one visit in full, status changes, moves, cancels, walk-ins, blocks. */
const { t, edgar, demo } = adminApp();
let shop: Demo;

beforeAll(async () => {
  shop = await demo('edgar');
});

const outbox = async (appointmentId: string) =>
  (
    await t().runtime.db.query(
      `SELECT topic, payload->>'event' AS event FROM outbox WHERE payload->>'appointmentId' = $1 ORDER BY id`,
      [appointmentId],
    )
  ).map((r: { topic: string; event: string }) => `${r.topic}:${r.event}`);

describe('the day and the week', () => {
  it('lists a day in order, visits and time off, named after the catalog', async () => {
    const ana = await shop.book({ phone: '+15552010001', name: 'Ana', at: '2026-11-25T10:00' });
    const bo = await shop.book({ phone: '+15552010002', name: 'Bo', at: '2026-11-25T08:00', service: 'brake-pads' });
    const block = await edgar().post('/api/admin/blocks', {
      staffId: shop.staffId('edgar'),
      start: '2026-11-25T13:00:00-08:00',
      end: '2026-11-25T14:00:00-08:00',
      notes: 'Lunch',
    });
    expect(block.status).toBe(201);
    const day = await edgar().get('/api/admin/appointments?from=2026-11-25');
    expect(day.status).toBe(200);
    expect(day.body.appointments.map((a: { reference: string; kind: string }) => [a.kind, a.reference])).toEqual([
      ['visit', bo.reference],
      ['visit', ana.reference],
      ['block', block.body.reference],
    ]);
    expect(day.body.appointments[1]).toMatchObject({
      id: ana.id,
      status: 'booked',
      startsAt: '2026-11-25T18:00:00.000Z',
      endsAt: '2026-11-25T18:45:00.000Z',
      busyUntil: '2026-11-25T19:15:00.000Z',
      serviceName: 'Oil change',
      staffName: 'Edgar',
      priceCents: 4900,
      customerName: 'Ana',
      customerPhone: '+15552010001',
      address: '12 Oak St',
      sourceChannel: 'sms',
      version: 1,
    });
    const week = await edgar().get('/api/admin/appointments?from=2026-11-23&to=2026-11-29&kind=visit&status=booked');
    expect(week.body.appointments.map((a: { id: string }) => a.id)).toEqual([bo.id, ana.id]);
    const none = await edgar().get('/api/admin/appointments?from=2026-11-25&status=completed');
    expect(none.body.appointments).toEqual([]);
  });

  it('refuses a date that does not exist, an end before the start and a range of more than two months', async () => {
    const bad = await edgar().get('/api/admin/appointments?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'BAD_REQUEST', field: 'querystring.from' });
    const backwards = await edgar().get('/api/admin/appointments?from=2026-11-25&to=2026-11-24');
    expect(backwards.body).toMatchObject({ error: 'INVALID_REQUEST', field: 'querystring.to' });
    const long = await edgar().get('/api/admin/appointments?from=2026-11-01&to=2027-02-01');
    expect(long.body).toMatchObject({ error: 'INVALID_REQUEST', field: 'querystring.to' });
    expect((await edgar().get('/api/admin/appointments?from=2026-11-25&status=lost')).body.field).toBe(
      'querystring.status.0',
    );
  });

  it('gives one visit with its customer, its history and the messages about it', async () => {
    const visit = await shop.book({ phone: '+15552010003', name: 'Cy', at: '2026-11-26T09:00' });
    const detail = await edgar().get(`/api/admin/appointments/${visit.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.customer).toMatchObject({ name: 'Cy', phone: '+15552010003', optedOutAt: null });
    // The audit log holds what owners and admins did; the customer's own booking is the row itself.
    expect(detail.body.history).toEqual([]);
    expect(detail.body.appointment).toMatchObject({ sourceChannel: 'sms', createdAt: expect.any(String) });
    expect(detail.body.messages).toEqual([]);
    expect((await edgar().get('/api/admin/appointments/not-a-uuid')).body.field).toBe('params.id');
  });
});

describe('changing a visit', () => {
  it('moves it along the board with its version, audit-logged under the admin', async () => {
    const visit = await shop.book({ phone: '+15552020001', name: 'Di', at: '2026-11-24T10:00' });
    const confirmed = await edgar().post(`/api/admin/appointments/${visit.id}/status`, {
      status: 'confirmed',
      version: 1,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', version: 2 });
    const started = await edgar().post(`/api/admin/appointments/${visit.id}/status`, {
      status: 'in_progress',
      version: 2,
    });
    const done = await edgar().post(`/api/admin/appointments/${visit.id}/status`, { status: 'completed', version: 3 });
    expect([started.body.status, done.body.status, done.body.version]).toEqual(['in_progress', 'completed', 4]);
    const history = (await edgar().get(`/api/admin/appointments/${visit.id}`)).body.history;
    expect(
      history.map((h: { action: string; actorEmail: string; details: { before: { status: string } } }) => [
        h.action,
        h.actorEmail,
        h.details.before.status,
      ]),
    ).toEqual([
      ['status:confirmed', 'admin@edgar.example', 'booked'],
      ['status:in_progress', 'admin@edgar.example', 'confirmed'],
      ['status:completed', 'admin@edgar.example', 'in_progress'],
    ]);
  });

  it('answers a stale version with 409 and the visit as it is now, changing nothing', async () => {
    const visit = await shop.book({ phone: '+15552020002', name: 'Ed', at: '2026-11-24T13:00' });
    await t().booking.appointments.changeStatus({
      businessId: shop.catalog.business.id,
      appointmentId: visit.id,
      to: 'confirmed',
      actor: { kind: 'customer', customerId: visit.customerId! },
    });
    const stale = await edgar().post(`/api/admin/appointments/${visit.id}/status`, { status: 'no_show', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'STALE_VERSION',
      current: { id: visit.id, status: 'confirmed', version: 2 },
    });
    const staleMove = await edgar().post(`/api/admin/appointments/${visit.id}/move`, {
      start: '2026-11-24T15:00:00-08:00',
      version: 1,
    });
    expect(staleMove.body).toMatchObject({ error: 'STALE_VERSION', current: { startsAt: '2026-11-24T21:00:00.000Z' } });
    const [row] = await t().runtime.db.query('SELECT status, version, starts_at FROM appointment WHERE id = $1', [
      visit.id,
    ]);
    expect(row).toEqual({ status: 'confirmed', version: 2, starts_at: shop.at('2026-11-24T13:00') });
  });

  it('refuses a transition the statuses do not allow, and a status the board does not set', async () => {
    const visit = await shop.book({ phone: '+15552020003', at: '2026-11-24T15:30' });
    await edgar().post(`/api/admin/appointments/${visit.id}/status`, { status: 'no_show', version: 1 });
    const back = await edgar().post(`/api/admin/appointments/${visit.id}/status`, { status: 'confirmed', version: 2 });
    expect(back.status).toBe(409);
    expect(back.body).toMatchObject({
      error: 'INVALID_TRANSITION',
      message: 'an appointment that is no_show cannot become confirmed',
    });
    const cancel = await edgar().post(`/api/admin/appointments/${visit.id}/status`, {
      status: 'cancelled',
      version: 2,
    });
    expect(cancel.body).toMatchObject({ error: 'BAD_REQUEST', field: 'body.status' });
    expect((await edgar().post(`/api/admin/appointments/${visit.id}/status`, { status: 'confirmed' })).body.field).toBe(
      'body.version',
    );
  });

  it('moves a visit to a free time, or says it is taken with the nearest free times', async () => {
    const visit = await shop.book({ phone: '+15552020004', name: 'Flo', at: '2026-11-27T09:00' });
    const other = await shop.book({ phone: '+15552020005', at: '2026-11-27T14:00' });
    const moved = await edgar().post(`/api/admin/appointments/${visit.id}/move`, {
      start: '2026-11-27T11:00:00-08:00',
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2026-11-27T19:00:00.000Z', version: 2, reference: visit.reference });
    const taken = await edgar().post(`/api/admin/appointments/${visit.id}/move`, {
      start: '2026-11-27T14:15:00-08:00',
      version: 2,
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'SLOT_UNAVAILABLE', reason: 'taken' });
    expect(taken.body.alternatives.length).toBeGreaterThan(0);
    expect(await outbox(visit.id)).toEqual([
      'owner.notice:booked',
      'reminders.schedule:booked',
      'owner.notice:rescheduled',
      'customer.notice:rescheduled',
      'reminders.schedule:rescheduled',
    ]);
    expect(other.status).toBe('booked');
  });

  it('cancels with a reason, for the customer to be told', async () => {
    const visit = await shop.book({ phone: '+15552020006', name: 'Gus', at: '2026-11-28T10:00' });
    expect((await edgar().post(`/api/admin/appointments/${visit.id}/cancel`, { version: 1 })).body.field).toBe(
      'body.reason',
    );
    const cancelled = await edgar().post(`/api/admin/appointments/${visit.id}/cancel`, {
      reason: 'Truck broke down',
      version: 1,
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Truck broke down', version: 2 });
    expect(await outbox(visit.id)).toEqual(
      expect.arrayContaining(['customer.notice:cancelled', 'owner.notice:cancelled', 'reminders.cancel:cancelled']),
    );
    const history = (await edgar().get(`/api/admin/appointments/${visit.id}`)).body.history;
    expect(history).toEqual([
      expect.objectContaining({
        action: 'status:cancelled',
        details: expect.objectContaining({
          before: expect.objectContaining({ status: 'booked' }),
          after: expect.objectContaining({ status: 'cancelled', cancelReason: 'Truck broke down' }),
        }),
      }),
    ]);
  });
});

describe('a customer who phoned or walked in', () => {
  it('offers the free starts of a day, and books one for a new customer, who is then told', async () => {
    const slots = await edgar().get(`/api/admin/slots?serviceId=${shop.serviceId('battery')}&date=2026-11-30`);
    expect(slots.status).toBe(200);
    expect(slots.body.slots[0]).toEqual({
      start: '2026-11-30T16:00:00.000Z',
      end: '2026-11-30T16:30:00.000Z',
      staffId: shop.staffId('edgar'),
    });
    const booked = await edgar().post('/api/admin/appointments', {
      serviceId: shop.serviceId('battery'),
      start: slots.body.slots[0].start,
      phone: '+15552030001',
      name: 'Hana Walker',
      address: '9 Bay Rd',
      vehicle: '2018 Kia Rio',
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'booked',
      sourceChannel: 'admin',
      customerName: 'Hana Walker',
      customerPhone: '+15552030001',
      address: '9 Bay Rd',
      notes: '2018 Kia Rio',
    });
    const [customer] = await t().runtime.db.query('SELECT name, details FROM customer WHERE phone = $1', [
      '+15552030001',
    ]);
    expect(customer).toEqual({ name: 'Hana Walker', details: { address: '9 Bay Rd', vehicle: '2018 Kia Rio' } });
    expect(await outbox(booked.body.id)).toEqual([
      'owner.notice:booked',
      'customer.notice:booked',
      'reminders.schedule:booked',
    ]);
    const again = await edgar().get(`/api/admin/slots?serviceId=${shop.serviceId('battery')}&date=2026-11-30`);
    expect(again.body.slots[0].start).not.toBe(slots.body.slots[0].start);
  });

  it('refuses a phone that is not E.164, a taken time and an unknown service, booking nothing', async () => {
    const base = { serviceId: shop.serviceId('battery'), start: '2026-11-30T08:00:00-08:00', name: 'Ivy' };
    const phone = await edgar().post('/api/admin/appointments', { ...base, phone: '555-1234' });
    expect(phone.body).toMatchObject({ error: 'BAD_REQUEST', field: 'body.phone' });
    const taken = await edgar().post('/api/admin/appointments', { ...base, phone: '+15552030002' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ error: 'SLOT_UNAVAILABLE', reason: 'taken', alternatives: expect.any(Array) });
    const closed = await edgar().post('/api/admin/appointments', {
      ...base,
      phone: '+15552030002',
      start: '2026-11-29T10:00:00-08:00',
    });
    expect(closed.body).toMatchObject({ error: 'SLOT_UNAVAILABLE', reason: 'outside_hours' });
    const unknown = await edgar().post('/api/admin/appointments', {
      ...base,
      phone: '+15552030002',
      serviceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    const rows = await t().runtime.db.query(
      `SELECT 1 FROM appointment a JOIN customer c ON c.id = a.customer_id WHERE c.phone = '+15552030002'`,
    );
    expect(rows).toEqual([]);
  });
});

describe('time off', () => {
  it('blocks time, lists and removes it; a block over a visit is refused, naming the visit', async () => {
    const visit = await shop.book({ phone: '+15552040001', name: 'Jo', at: '2026-12-01T10:00' });
    const over = await edgar().post('/api/admin/blocks', {
      staffId: shop.staffId('edgar'),
      start: '2026-12-01T09:00:00-08:00',
      end: '2026-12-01T12:00:00-08:00',
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ error: 'SLOT_UNAVAILABLE', reason: 'taken' });
    expect(over.body.conflicts.map((c: { id: string }) => c.id)).toEqual([visit.id]);
    const block = await edgar().post('/api/admin/blocks', {
      staffId: shop.staffId('edgar'),
      start: '2026-12-01T13:00:00-08:00',
      end: '2026-12-01T17:00:00-08:00',
      notes: 'Dentist',
    });
    expect(block.body).toMatchObject({ kind: 'block', status: 'booked', notes: 'Dentist', sourceChannel: 'admin' });
    const listed = await edgar().get('/api/admin/blocks?from=2026-12-01');
    expect(listed.body.appointments.map((b: { id: string }) => b.id)).toEqual([block.body.id]);
    const slots = await edgar().get(`/api/admin/slots?serviceId=${shop.serviceId('battery')}&date=2026-12-01`);
    expect(slots.body.slots.some((s: { start: string }) => s.start >= '2026-12-01T21:00:00.000Z')).toBe(false);
    const removed = await edgar().delete(`/api/admin/blocks/${block.body.id}`);
    expect(removed.body).toMatchObject({ status: 'cancelled' });
    expect((await edgar().get('/api/admin/blocks?from=2026-12-01')).body.appointments).toEqual([]);
    expect((await edgar().delete(`/api/admin/blocks/${visit.id}`)).status).toBe(404);
    const backwards = await edgar().post('/api/admin/blocks', {
      staffId: shop.staffId('edgar'),
      start: '2026-12-01T13:00:00-08:00',
      end: '2026-12-01T12:00:00-08:00',
    });
    expect(backwards.status).toBe(400);
  });
});
