import { Queue } from 'bullmq';
import { updateTimes } from '../../booking/repositories/appointments';
import { poolSql } from '../../booking/repositories/sql';
import { jobIds, QUEUES } from '../../workers/queues';
import type { AppointmentRow } from '../../booking/db/entities/appointment';
import { FAST, Harness, laTime, type Shop } from './support/harness';

/**
 * Four visits at 10:00 with four mechanics, reminders 3 s and 1.5 s before: the clock stands a few
 * seconds earlier, so every reminder comes due within the test. What happens to each is read after.
 */
const OFFSETS_SECONDS = [3, 1.5];
const START = '2026-11-23T10:00';
const LATE_TOLERANCE_MS = 700;

let h: Harness;
let shop: Shop;
let reminders: Queue;
const visits: Record<'plain' | 'cancelled' | 'rescheduled' | 'moved', AppointmentRow> = {} as never;
const phones = { plain: '+15553000001', cancelled: '+15553000002', rescheduled: '+15553000003', moved: '+15553000004' };

beforeAll(async () => {
  h = await Harness.create('reminders', { now: '2026-11-23T09:59:50-08:00' });
  shop = await h.shop(
    (f) => (f.staff = ['a', 'b', 'c', 'd'].map((key) => ({ key, name: `Mechanic ${key}` }))),
    OFFSETS_SECONDS,
  );
  reminders = new Queue(QUEUES.reminders, { connection: { url: h.config.redisUrl }, prefix: h.runtime.redisPrefix });
  await h.start(FAST);
  h.clock.set('2026-11-23T09:59:53-08:00');
  const [plain, cancelled, rescheduled, moved] = await Promise.all(
    Object.values(phones).map((p, i) => shop.customer(p, { name: `C${i}` })),
  );
  visits.plain = await shop.book(plain, laTime(START), { staff: 'a' });
  visits.cancelled = await shop.book(cancelled, laTime(START), { staff: 'b' });
  visits.rescheduled = await shop.book(rescheduled, laTime('2026-11-23T10:15'), { staff: 'c' });
  visits.moved = await shop.book(moved, laTime(START), { staff: 'd' });

  await h.booking.appointments.cancel({
    businessId: shop.businessId,
    appointmentId: visits.cancelled.id,
    actor: { kind: 'customer', customerId: cancelled },
  });
  const outcome = await h.booking.appointments.reschedule({
    businessId: shop.businessId,
    appointmentId: visits.rescheduled.id,
    start: laTime(START),
    actor: { kind: 'customer', customerId: rescheduled },
  });
  if (!outcome.ok) throw new Error('reschedule refused');
  visits.rescheduled = outcome.appointment;
  // Wait until its reminders are planned, then move it behind the workers' back (no outbox row),
  // as if the move's own notice were still on its way when the old reminder fires.
  await h.eventually(async () =>
    expect(await reminders.getJob(jobIds.reminder(visits.moved.id, 3 / 60, 1))).toBeDefined(),
  );
  await updateTimes(
    poolSql(h.runtime.db),
    visits.moved.id,
    {
      staffId: visits.moved.staffId,
      startsAt: laTime('2026-11-23T11:00'),
      endsAt: laTime('2026-11-23T11:45'),
      busyUntil: laTime('2026-11-23T11:45'),
    },
    h.clock.now(),
  );

  await h.clock.until(laTime('2026-11-23T10:00:00.5'));
  await new Promise((r) => setTimeout(r, 300));
}, 30_000);
afterAll(async () => {
  await reminders.close();
  await h.close();
});

const dueTimes = (start: string) => OFFSETS_SECONDS.map((s) => laTime(start).getTime() - s * 1000);

describe('reminders', () => {
  it('go out at the business offsets before the visit, each once, asking for a reply the bot understands', async () => {
    const sent = h.fake.to(phones.plain);
    expect(sent).toHaveLength(2);
    const at = sent.map((r) => h.clock.at(r.at).getTime()).sort();
    dueTimes(START).forEach((due, i) => {
      expect(at[i]).toBeGreaterThanOrEqual(due);
      expect(at[i] - due).toBeLessThan(LATE_TOLERANCE_MS);
    });
    for (const r of sent) {
      expect(r.form.Body).toBe(
        `Reminder: Oil change with Test Shop, Mon Nov 23 at 10:00 AM. Reply YES to confirm, or tell us a new time to move it. Ref ${visits.plain.reference}.`,
      );
      expect(r.form.Body).not.toMatch(/\bCANCEL\b/);
    }
    const rows = await h.messages(`appointment_id = $1 AND purpose = 'reminder'`, [visits.plain.id]);
    expect(rows.map((m) => [m.status, m.providerSid]).sort()).toEqual(sent.map((r) => ['sent', r.sid]).sort());
  });

  it('are removed when the visit is cancelled', async () => {
    expect(h.fake.to(phones.cancelled)).toHaveLength(0);
    for (const s of OFFSETS_SECONDS)
      expect(await reminders.getJob(jobIds.reminder(visits.cancelled.id, s / 60, 1))).toBeUndefined();
    expect(await h.messages(`appointment_id = $1 AND purpose = 'reminder'`, [visits.cancelled.id])).toHaveLength(0);
  });

  it('follow a rescheduled visit: the old time is superseded, the new time reminded', async () => {
    for (const s of OFFSETS_SECONDS)
      expect(await reminders.getJob(jobIds.reminder(visits.rescheduled.id, s / 60, 1))).toBeUndefined();
    const sent = h.fake.to(phones.rescheduled);
    expect(sent.map((r) => r.form.Body)).toEqual(Array(2).fill(expect.stringContaining('Mon Nov 23 at 10:00 AM')));
    expect(visits.rescheduled.version).toBe(2);
  });

  it('say nothing for a visit that moved after they were planned', async () => {
    expect(h.fake.to(phones.moved)).toHaveLength(0);
    const fired = await reminders.getJob(jobIds.reminder(visits.moved.id, 3 / 60, 1));
    expect(fired?.returnvalue).toBe('silent: moved');
    expect(await h.messages(`appointment_id = $1 AND purpose = 'reminder'`, [visits.moved.id])).toHaveLength(0);
  });
});
