import { DateTime } from 'luxon';
import { InvalidTransition, StaleVersion } from '../../booking/errors';
import { REFERENCE_ALPHABET } from '../../core/reference-code';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestShop, overlapsInSql, type TestShop, testBusinessFile } from '../helpers/business';

const LA = 'America/Los_Angeles';
const at = (text: string) => DateTime.fromISO(text, { zone: LA }).toJSDate();
const hhmm = (d: Date) => DateTime.fromJSDate(d, { zone: LA }).toFormat('ccc HH:mm');

let t: TestDatabase;
let shop: TestShop;
let businessId: string;
const customerActor = (customerId: string) => ({ kind: 'customer' as const, customerId });

beforeAll(async () => {
  t = await createTestDatabase();
  shop = await createTestShop(
    t.db,
    testBusinessFile((f) => (f.settings = { ...f.settings, bufferMinutes: 30 })),
    '2026-11-23T08:00:00-08:00',
  );
  businessId = shop.catalog.business.id;
});
afterAll(() => t.drop());

async function book(start: string, customerId?: string) {
  const customer = customerId ?? (await shop.customer());
  return shop.booking.appointments.book({
    businessId,
    serviceId: shop.serviceId('oil-change'),
    customerId: customer,
    start: at(start),
    channel: 'sms',
    address: '12 Oak St',
    actor: customerActor(customer),
  });
}

async function outboxTopics(appointmentId: string): Promise<string[]> {
  const rows = await t.db.query(`SELECT topic FROM outbox WHERE payload->>'appointmentId' = $1 ORDER BY id`, [
    appointmentId,
  ]);
  return rows.map((r: { topic: string }) => r.topic);
}

describe('booking', () => {
  it('books a free time with a readable reference, its buffer and its outbox entries', async () => {
    const outcome = await book('2026-11-24T10:00');
    if (!outcome.ok) throw new Error(`expected a booking, got ${outcome.reason}`);
    const a = outcome.appointment;
    expect(a).toMatchObject({
      status: 'booked',
      kind: 'visit',
      address: '12 Oak St',
      version: 1,
      sourceChannel: 'sms',
    });
    expect(a.reference).toMatch(new RegExp(`^[${REFERENCE_ALPHABET}]{4}$`));
    expect([hhmm(a.startsAt), hhmm(a.endsAt), hhmm(a.busyUntil)]).toEqual(['Tue 10:00', 'Tue 10:45', 'Tue 11:15']);
    expect(await outboxTopics(a.id)).toEqual(['owner.notice', 'reminders.schedule']);
  });

  it('answers a taken time with the nearest free ones, and writes nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM appointment');
    const outcome = await book('2026-11-24T10:30');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe('taken');
    expect(outcome.alternatives.map((s) => hhmm(s.start))).toEqual(['Tue 11:15', 'Tue 11:30', 'Tue 11:45']);
    expect(await t.db.query('SELECT count(*)::int AS n FROM appointment')).toEqual(before);
  });

  it('says why a time cannot be booked at all and still offers the nearest ones', async () => {
    const closed = await book('2026-11-24T16:45');
    expect(closed).toMatchObject({ ok: false, reason: 'outside_hours' });
    if (!closed.ok) expect(hhmm(closed.alternatives[0].start)).toBe('Tue 16:15');
    expect(await book('2026-11-23T08:30')).toMatchObject({ ok: false, reason: 'too_soon' });
    expect(await book('2026-11-20T10:00')).toMatchObject({ ok: false, reason: 'in_past' });
    expect(await book('2027-01-20T10:00')).toMatchObject({ ok: false, reason: 'too_far' });
  });

  it('books as pending when the business approves bookings itself', async () => {
    const strict = await createTestShop(
      t.db,
      testBusinessFile((f) => (f.settings = { ...f.settings, requiresApproval: true })),
      '2026-11-23T08:00:00-08:00',
    );
    const customerId = await strict.customer('+15553330001');
    const outcome = await strict.booking.appointments.book({
      businessId: strict.catalog.business.id,
      serviceId: strict.serviceId('oil-change'),
      customerId,
      start: at('2026-11-24T10:00'),
      channel: 'sms',
      actor: customerActor(customerId),
    });
    if (!outcome.ok) throw new Error('expected a pending booking');
    expect(outcome.appointment.status).toBe('pending_approval');
    expect(await outboxTopics(outcome.appointment.id)).toEqual(['owner.notice']);
    const approved = await strict.booking.appointments.changeStatus({
      businessId: strict.catalog.business.id,
      appointmentId: outcome.appointment.id,
      to: 'booked',
      actor: { kind: 'owner', phone: '+15550109999' },
    });
    expect(approved.status).toBe('booked');
    expect(await outboxTopics(outcome.appointment.id)).toEqual([
      'owner.notice',
      'customer.notice',
      'reminders.schedule',
    ]);
  });
});

describe('choosing the staff member', () => {
  const days = (range: string) =>
    Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [range]]));
  let two: TestShop;
  beforeAll(async () => {
    // Ana is listed first but works afternoons only; Bea works mornings.
    const file = testBusinessFile(
      (f) =>
        (f.staff = [
          { key: 'ana', name: 'Ana', hours: days('13:00-17:00') },
          { key: 'bea', name: 'Bea', hours: days('08:00-12:00') },
        ]),
    );
    two = await createTestShop(t.db, file, '2026-11-23T08:00:00-08:00');
  });
  const bookWithAnyone = async (start: string) => {
    const customerId = await two.customer();
    const outcome = await two.booking.appointments.book({
      businessId: two.catalog.business.id,
      serviceId: two.serviceId('oil-change'),
      customerId,
      start: at(start),
      channel: 'sms',
      actor: customerActor(customerId),
    });
    if (!outcome.ok) throw new Error(`expected a booking, got ${outcome.reason}`);
    return outcome.appointment;
  };

  it('books someone who works at that time, not the first one listed', async () => {
    const morning = await bookWithAnyone('2026-11-24T09:00');
    expect(morning.staffId).toBe(two.staffId('bea'));
    const afternoon = await bookWithAnyone('2026-11-24T14:00');
    expect(afternoon.staffId).toBe(two.staffId('ana'));
  });

  it('moves a visit to someone who works at the new time', async () => {
    const visit = await bookWithAnyone('2026-11-25T14:00');
    const moved = await two.booking.appointments.reschedule({
      businessId: two.catalog.business.id,
      appointmentId: visit.id,
      start: at('2026-11-25T09:30'),
      actor: { kind: 'owner', phone: '+15550109999' },
    });
    if (!moved.ok) throw new Error(`expected the move, got ${moved.reason}`);
    expect(moved.appointment.staffId).toBe(two.staffId('bea'));
    const [row] = await t.db.query('SELECT staff_id FROM appointment WHERE id = $1', [visit.id]);
    expect(row.staff_id).toBe(two.staffId('bea'));
  });
});

describe('changes', () => {
  it('cancels, frees the time and tells the owner', async () => {
    const booked = await book('2026-11-25T09:00');
    if (!booked.ok) throw new Error('expected a booking');
    const cancelled = await shop.booking.appointments.cancel({
      businessId,
      appointmentId: booked.appointment.id,
      reason: 'car sold',
      actor: customerActor(booked.appointment.customerId!),
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'car sold', version: 2 });
    expect(await outboxTopics(booked.appointment.id)).toEqual([
      'owner.notice',
      'reminders.schedule',
      'owner.notice',
      'reminders.cancel',
    ]);
    expect((await book('2026-11-25T09:00')).ok).toBe(true);
  });

  it('reschedules all or nothing, keeping the reference', async () => {
    const first = await book('2026-11-26T09:00');
    const blocker = await book('2026-11-26T13:00');
    if (!first.ok || !blocker.ok) throw new Error('expected bookings');
    const moved = await shop.booking.appointments.reschedule({
      businessId,
      appointmentId: first.appointment.id,
      start: at('2026-11-26T11:00'),
      actor: { kind: 'owner', phone: '+15550109999' },
    });
    if (!moved.ok) throw new Error(`expected the move, got ${moved.reason}`);
    expect(moved.appointment).toMatchObject({ reference: first.appointment.reference, version: 2 });
    expect(hhmm(moved.appointment.startsAt)).toBe('Thu 11:00');
    expect(await outboxTopics(first.appointment.id)).toEqual([
      'owner.notice',
      'reminders.schedule',
      'customer.notice',
      'reminders.schedule',
    ]);

    // 12:30 + 45 + 30 runs into the 13:00 visit: refused, and the 11:00 visit stays exactly as it was.
    const refused = await shop.booking.appointments.reschedule({
      businessId,
      appointmentId: first.appointment.id,
      start: at('2026-11-26T12:30'),
      actor: customerActor(first.appointment.customerId!),
    });
    expect(refused).toMatchObject({ ok: false, reason: 'taken' });
    if (!refused.ok) expect(refused.alternatives.map((s) => hhmm(s.start))).toContain('Thu 11:45');
    const [row] = await t.db.query('SELECT starts_at, version, status FROM appointment WHERE id = $1', [
      first.appointment.id,
    ]);
    expect([hhmm(row.starts_at), row.version, row.status]).toEqual(['Thu 11:00', 2, 'booked']);
    // Moving within its own held time is allowed: the row does not conflict with itself.
    const nudged = await shop.booking.appointments.reschedule({
      businessId,
      appointmentId: first.appointment.id,
      start: at('2026-11-26T11:15'),
      actor: customerActor(first.appointment.customerId!),
    });
    expect(nudged.ok).toBe(true);
    expect(await overlapsInSql(t.db)).toBe(0);
  });

  it('rejects illegal transitions and stale versions with typed errors', async () => {
    const booked = await book('2026-11-27T09:00');
    if (!booked.ok) throw new Error('expected a booking');
    const id = booked.appointment.id;
    const owner = { kind: 'owner' as const, phone: '+15550109999' };
    await expect(
      shop.booking.appointments.changeStatus({
        businessId,
        appointmentId: id,
        to: 'confirmed',
        expectedVersion: 7,
        actor: owner,
      }),
    ).rejects.toBeInstanceOf(StaleVersion);
    const done = await shop.booking.appointments.changeStatus({
      businessId,
      appointmentId: id,
      to: 'completed',
      expectedVersion: 1,
      actor: owner,
    });
    expect(done.status).toBe('completed');
    const again = shop.booking.appointments.changeStatus({
      businessId,
      appointmentId: id,
      to: 'in_progress',
      actor: owner,
    });
    await expect(again).rejects.toBeInstanceOf(InvalidTransition);
    await expect(again).rejects.toThrow('an appointment that is completed cannot become in_progress');
    await expect(
      shop.booking.appointments.cancel({ businessId, appointmentId: id, actor: owner }),
    ).rejects.toBeInstanceOf(InvalidTransition);
    await expect(
      shop.booking.appointments.reschedule({
        businessId,
        appointmentId: id,
        start: at('2026-11-27T11:00'),
        actor: owner,
      }),
    ).rejects.toBeInstanceOf(InvalidTransition);
    const [row] = await t.db.query('SELECT status, version FROM appointment WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'completed', version: 2 });
  });

  it('refuses a stale reschedule', async () => {
    const booked = await book('2026-11-28T09:00');
    if (!booked.ok) throw new Error('expected a booking');
    await shop.booking.appointments.changeStatus({
      businessId,
      appointmentId: booked.appointment.id,
      to: 'confirmed',
      actor: customerActor(booked.appointment.customerId!),
    });
    await expect(
      shop.booking.appointments.reschedule({
        businessId,
        appointmentId: booked.appointment.id,
        start: at('2026-11-28T11:00'),
        expectedVersion: 1,
        actor: { kind: 'admin', userId: 'x' },
      }),
    ).rejects.toBeInstanceOf(StaleVersion);
  });

  it('holds blocks under the same rule as visits', async () => {
    const staffId = shop.staffId('edgar');
    const owner = { kind: 'owner' as const, phone: '+15550109999' };
    const block = await shop.booking.appointments.block({
      businessId,
      staffId,
      start: at('2026-11-30T12:00'),
      end: at('2026-11-30T14:00'),
      actor: owner,
    });
    expect(block.ok).toBe(true);
    expect(await book('2026-11-30T13:00')).toMatchObject({ ok: false, reason: 'taken' });
    expect(
      await shop.booking.appointments.block({
        businessId,
        staffId,
        start: at('2026-11-30T13:30'),
        end: at('2026-11-30T15:00'),
        actor: owner,
      }),
    ).toEqual({ ok: false, reason: 'taken' });
  });
});
