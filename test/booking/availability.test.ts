import { DateTime } from 'luxon';
import { freeSlots, freeSlotsByDay, type SlotQuery } from '../../booking/availability/slots';
import { nearestSlots } from '../../booking/availability/nearest';
import type { WeeklyHours } from '../../booking/availability/weekly-hours';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createTestShop, testBusinessFile } from '../helpers/business';

const LA = 'America/Los_Angeles';
const SANTIAGO = 'America/Santiago';
const allWeek = (range: string): WeeklyHours => {
  const [from, to] = range.split('-');
  return Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from, to }]]));
};

function query(change: Partial<SlotQuery> & { day: string; timezone?: string }): SlotQuery {
  const timezone = change.timezone ?? LA;
  const day = DateTime.fromISO(change.day, { zone: timezone });
  return {
    timezone,
    openingHours: allWeek('08:00-17:00'),
    staff: [{ staffId: 'edgar', hours: allWeek('00:00-24:00'), busy: [] }],
    durationMinutes: 45,
    bufferMinutes: 0,
    stepMinutes: 15,
    from: day.toJSDate(),
    // The next date's start: after a skipped midnight `day` is 01:00, and a day later is too.
    to: day.plus({ days: 1 }).startOf('day').toJSDate(),
    ...change,
  };
}

const iso = (d: Date) => d.toISOString().replace(':00.000Z', 'Z');
const local = (d: Date, zone = LA) => DateTime.fromJSDate(d, { zone }).toFormat('HH:mm ZZ');

describe('free slots', () => {
  it('fills an ordinary day from opening to the last start that still ends by closing', () => {
    const slots = freeSlots(query({ day: '2026-11-24' }));
    expect(slots).toHaveLength(34);
    expect(local(slots[0].start)).toBe('08:00 -08:00');
    expect(local(slots[slots.length - 1].start)).toBe('16:15 -08:00');
    expect(local(slots[slots.length - 1].end)).toBe('17:00 -08:00');
  });

  it('keeps 8:00 at 8:00 on both sides of Los Angeles DST changes', () => {
    for (const [before, after] of [
      ['2026-10-31', '2026-11-01'],
      ['2026-03-07', '2026-03-08'],
    ]) {
      const a = freeSlots(query({ day: before }));
      const b = freeSlots(query({ day: after }));
      expect([a.length, b.length]).toEqual([34, 34]);
      expect([local(a[0].start), local(b[0].start)]).toEqual(
        before === '2026-10-31' ? ['08:00 -07:00', '08:00 -08:00'] : ['08:00 -08:00', '08:00 -07:00'],
      );
    }
    expect(iso(freeSlots(query({ day: '2026-10-31' }))[0].start)).toBe('2026-10-31T15:00Z');
    expect(iso(freeSlots(query({ day: '2026-11-01' }))[0].start)).toBe('2026-11-01T16:00Z');
  });

  it('offers each real hour once when the clocks change during opening hours', () => {
    const night = { openingHours: allWeek('00:00-04:00'), durationMinutes: 60, stepMinutes: 60 };
    const fallBack = freeSlots(query({ day: '2026-11-01', ...night })).map((s) => iso(s.start));
    expect(fallBack).toEqual([
      '2026-11-01T07:00Z',
      '2026-11-01T08:00Z',
      '2026-11-01T09:00Z',
      '2026-11-01T10:00Z',
      '2026-11-01T11:00Z',
    ]);
    const springForward = freeSlots(query({ day: '2026-03-08', ...night })).map((s) => local(s.start));
    expect(springForward).toEqual(['00:00 -08:00', '01:00 -08:00', '03:00 -07:00']);
  });

  it('follows Santiago across both of its DST changes (at midnight)', () => {
    const clinic = { timezone: SANTIAGO, openingHours: allWeek('09:00-19:00'), durationMinutes: 20 };
    const firstStart = (day: string) => iso(freeSlots(query({ day, ...clinic }))[0].start);
    expect([firstStart('2026-09-05'), firstStart('2026-09-07')]).toEqual(['2026-09-05T13:00Z', '2026-09-07T12:00Z']);
    expect([firstStart('2026-04-04'), firstStart('2026-04-06')]).toEqual(['2026-04-04T12:00Z', '2026-04-06T13:00Z']);
    // 6 September starts at 01:00: the hour from midnight does not exist.
    const skipped = freeSlots(
      query({
        day: '2026-09-06',
        timezone: SANTIAGO,
        openingHours: allWeek('00:00-03:00'),
        durationMinutes: 60,
        stepMinutes: 60,
      }),
    );
    expect(skipped.map((s) => local(s.start, SANTIAGO))).toEqual(['01:00 -03:00', '02:00 -03:00']);
    // 4 April's last hour happens twice.
    const repeated = freeSlots(
      query({
        day: '2026-04-04',
        timezone: SANTIAGO,
        openingHours: allWeek('22:00-24:00'),
        durationMinutes: 60,
        stepMinutes: 60,
      }),
    );
    expect(repeated.map((s) => iso(s.start))).toEqual(['2026-04-05T01:00Z', '2026-04-05T02:00Z', '2026-04-05T03:00Z']);
  });

  it('keeps every day of a range that runs past a DST change at midnight', () => {
    // 2025-09-07 00:00 does not exist in Santiago: that day starts at 01:00.
    const days = [
      ...freeSlotsByDay(
        query({
          day: '2025-09-05',
          timezone: SANTIAGO,
          openingHours: allWeek('09:00-19:00'),
          durationMinutes: 20,
          stepMinutes: 60,
          to: DateTime.fromISO('2025-09-09T18:00', { zone: SANTIAGO }).toJSDate(),
        }),
      ),
    ];
    const dayOf = (slots: { start: Date }[]) => DateTime.fromJSDate(slots[0].start, { zone: SANTIAGO }).toISODate();
    expect(days.map(dayOf)).toEqual(['2025-09-05', '2025-09-06', '2025-09-07', '2025-09-08', '2025-09-09']);
    expect(days[4].map((s) => local(s.start, SANTIAGO))).toEqual([
      '09:00 -03:00',
      '10:00 -03:00',
      '11:00 -03:00',
      '12:00 -03:00',
      '13:00 -03:00',
      '14:00 -03:00',
      '15:00 -03:00',
      '16:00 -03:00',
      '17:00 -03:00',
    ]);
  });

  it('keeps the buffer after existing visits and after the new one', () => {
    const nine = DateTime.fromISO('2026-11-24T09:00', { zone: LA }).toMillis();
    const busy = [{ start: nine, end: nine + 75 * 60_000 }]; // 45 min visit + 30 min travel
    const slots = freeSlots(
      query({
        day: '2026-11-24',
        bufferMinutes: 30,
        staff: [{ staffId: 'edgar', hours: allWeek('00:00-24:00'), busy }],
      }),
    );
    expect(local(slots[0].start)).toBe('10:15 -08:00');
    const slotsAfternoon = freeSlots(
      query({
        day: '2026-11-24',
        bufferMinutes: 30,
        staff: [
          {
            staffId: 'edgar',
            hours: allWeek('00:00-24:00'),
            busy: [{ start: nine + 5 * 3_600_000, end: nine + 6 * 3_600_000 }],
          },
        ],
      }),
    );
    // A 45-minute visit plus 30 minutes' travel must be clear of the 14:00 visit.
    expect(slotsAfternoon.map((s) => local(s.start))).not.toContain('13:00 -08:00');
    expect(slotsAfternoon.map((s) => local(s.start))).toContain('12:45 -08:00');
  });

  it('only offers a staff member while both they work and the business is open', () => {
    const slots = freeSlots(
      query({
        day: '2026-11-24',
        staff: [{ staffId: 'edgar', hours: { tue: [{ from: '12:00', to: '19:00' }] }, busy: [] }],
      }),
    );
    expect([local(slots[0].start), local(slots[slots.length - 1].start)]).toEqual(['12:00 -08:00', '16:15 -08:00']);
    expect(
      freeSlots(
        query({
          day: '2026-11-25',
          staff: [{ staffId: 'edgar', hours: { tue: [{ from: '12:00', to: '19:00' }] }, busy: [] }],
        }),
      ),
    ).toEqual([]);
  });

  it('ranks alternatives on the asked day by closeness, then the following days', () => {
    const monday = [
      ...freeSlotsByDay(
        query({
          day: '2026-11-23',
          from: DateTime.fromISO('2026-11-23T14:00', { zone: LA }).toJSDate(),
          to: DateTime.fromISO('2026-11-25', { zone: LA }).toJSDate(),
        }),
      ),
    ];
    const picked = nearestSlots(monday, DateTime.fromISO('2026-11-23T16:10', { zone: LA }).toJSDate(), LA, 5);
    expect(picked.map((s) => DateTime.fromJSDate(s.start, { zone: LA }).toFormat('ccc HH:mm'))).toEqual([
      'Mon 16:15',
      'Mon 16:00',
      'Mon 15:45',
      'Mon 15:30',
      'Mon 15:15',
    ]);
    const late = nearestSlots(monday, DateTime.fromISO('2026-11-23T18:00', { zone: LA }).toJSDate(), LA, 3);
    expect(late.map((s) => DateTime.fromJSDate(s.start, { zone: LA }).toFormat('ccc HH:mm'))).toEqual([
      'Mon 16:15',
      'Mon 16:00',
      'Mon 15:45',
    ]);
  });
});

describe('availability of a business', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('applies minimum notice, the horizon, blocks and booked visits with their buffers', async () => {
    const shop = await createTestShop(
      t.db,
      testBusinessFile((f) => (f.settings = { ...f.settings, bufferMinutes: 30, horizonDays: 2 })),
      '2026-11-24T10:07:00-08:00',
    );
    const businessId = shop.catalog.business.id;
    const serviceId = shop.serviceId('oil-change');
    const slotsOn = async (day: string) =>
      (
        await shop.booking.availability.slots({
          businessId,
          serviceId,
          from: DateTime.fromISO(day, { zone: LA }).toJSDate(),
          to: DateTime.fromISO(day, { zone: LA }).plus({ days: 1 }).toJSDate(),
        })
      ).map((s) => local(s.start));

    expect((await slotsOn('2026-11-24'))[0]).toBe('11:15 -08:00'); // 10:07 + 60 min notice
    expect(await slotsOn('2026-11-27')).toEqual([]); // beyond the 2-day horizon
    const horizonDay = await slotsOn('2026-11-26');
    expect(horizonDay[horizonDay.length - 1]).toBe('10:00 -08:00'); // now + 48 h = Thu 10:07

    const visit = await shop.booking.appointments.book({
      businessId,
      serviceId,
      customerId: await shop.customer(),
      start: DateTime.fromISO('2026-11-25T09:00', { zone: LA }).toJSDate(),
      channel: 'sms',
      actor: { kind: 'system' },
    });
    expect(visit.ok).toBe(true);
    await shop.booking.appointments.block({
      businessId,
      staffId: shop.staffId('edgar'),
      start: DateTime.fromISO('2026-11-25T13:00', { zone: LA }).toJSDate(),
      end: DateTime.fromISO('2026-11-25T14:00', { zone: LA }).toJSDate(),
      actor: { kind: 'owner', phone: '+15550109999' },
    });
    const wednesday = await slotsOn('2026-11-25');
    expect(wednesday.slice(0, 1)).toEqual(['10:15 -08:00']); // 9:00 + 45 min + 30 min travel
    expect(wednesday).toContain('11:45 -08:00'); // 11:45 + 45 + 30 = 13:00, just clear of the block
    expect(wednesday).not.toContain('12:00 -08:00');
    expect(wednesday).not.toContain('13:45 -08:00');
    expect(wednesday).toContain('14:00 -08:00');
  });
});
