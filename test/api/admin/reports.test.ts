import ICAL from 'ical.js';
import { parseCsv } from '../../helpers/csv';
import { adminApp, type Demo } from './support';

/** The numbers of a day and a week, the CSV export, and the calendar feeds. */
const { t, edgar, clinica, demo } = adminApp();
let shop: Demo;
let clinic: Demo;

beforeAll(async () => {
  shop = await demo('edgar');
  clinic = await demo('clinica-santiago');
});

const feedOf = async (url: string) => {
  const response = await fetch(`${t().baseUrl}${new URL(url).pathname}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('stats', () => {
  it('counts a week by status, with estimated revenue, visits per day and the busiest hours', async () => {
    const a = await shop.book({ phone: '+15552210001', at: '2026-12-07T09:00' });
    await shop.book({ phone: '+15552210002', at: '2026-12-07T11:00', service: 'brake-pads' });
    const c = await shop.book({ phone: '+15552210003', at: '2026-12-09T09:00', service: 'battery' });
    const d = await shop.book({ phone: '+15552210004', at: '2026-12-10T15:00' });
    const business = shop.catalog.business.id;
    const owner = { kind: 'owner' as const, phone: '+15550109999' };
    await t().booking.appointments.changeStatus({
      businessId: business,
      appointmentId: a.id,
      to: 'completed',
      actor: owner,
    });
    await t().booking.appointments.changeStatus({
      businessId: business,
      appointmentId: c.id,
      to: 'no_show',
      actor: owner,
    });
    await t().booking.appointments.cancel({ businessId: business, appointmentId: d.id, actor: owner });
    const week = await edgar().get('/api/admin/stats?from=2026-12-07&to=2026-12-13');
    expect(week.status).toBe(200);
    expect(week.body).toMatchObject({
      from: '2026-12-07',
      to: '2026-12-13',
      total: 4,
      byStatus: { booked: 1, completed: 1, no_show: 1, cancelled: 1, confirmed: 0 },
      estimatedRevenueCents: 4900 + 18900,
      busiestHours: [
        { hour: 9, visits: 1 },
        { hour: 11, visits: 1 },
      ],
    });
    expect(week.body.perDay).toHaveLength(7);
    expect(week.body.perDay[0]).toEqual({ date: '2026-12-07', visits: 2 });
    expect(week.body.perDay[2]).toEqual({ date: '2026-12-09', visits: 0 });
    const day = await edgar().get('/api/admin/stats?from=2026-12-09');
    expect(day.body).toMatchObject({ total: 1, byStatus: { no_show: 1 }, estimatedRevenueCents: 0, busiestHours: [] });
  });
});

describe('CSV export', () => {
  it('writes a header and one visit a line on the wall clock, with a BOM, in the business language', async () => {
    const visit = await clinic.book({
      phone: '+56911110001',
      name: 'Ñandú Peña, "Pepa"',
      at: '2026-12-02T10:00',
      staff: 'soto',
    });
    await clinic.book({ phone: '+56911110002', name: '=HYPERLINK("x")', at: '2026-12-02T11:00', staff: 'perez' });
    const answer = await clinica().get('/api/admin/export.csv?from=2026-12-01&to=2026-12-05');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="visits-2026-12-01-to-2026-12-05.csv"',
    );
    expect(answer.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(answer.text.slice(1));
    expect(rows[0]).toEqual([
      'Código',
      'Fecha',
      'Inicio',
      'Término',
      'Estado',
      'Servicio',
      'Profesional',
      'Cliente',
      'Teléfono',
      'Dirección',
      'Notas',
      'Precio',
      'Agendado por',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        visit.reference,
        '2026-12-02',
        '10:00',
        '10:20',
        'agendada',
        'Consulta general',
        'Dra. Soto',
        'Ñandú Peña, "Pepa"',
        '+56911110001',
        '',
        '',
        '35000.00',
        'whatsapp',
      ],
      [
        expect.any(String),
        '2026-12-02',
        '11:00',
        '11:20',
        'agendada',
        'Consulta general',
        'Dr. Pérez',
        `'=HYPERLINK("x")`,
        '+56911110002',
        '',
        '',
        '35000.00',
        'whatsapp',
      ],
    ]);
  });

  it('exports only the signed-in business, and a year at most', async () => {
    const edgarRows = parseCsv(
      (await edgar().get('/api/admin/export.csv?from=2026-12-01&to=2026-12-05')).text.slice(1),
    );
    expect(edgarRows[0][0]).toBe('Reference');
    expect(edgarRows.flat()).not.toContain('+56911110001');
    expect((await edgar().get('/api/admin/export.csv?from=2026-01-01&to=2027-06-01')).body.field).toBe(
      'querystring.to',
    );
    expect((await edgar().get('/api/admin/export.csv')).body.field).toBe('querystring.from');
  });
});

describe('calendar feeds', () => {
  it('gives a secret address per business and per staff member, serving valid iCalendar', async () => {
    const moved = await clinic.book({ phone: '+56911120001', name: 'Rosa', at: '2026-12-03T09:00', staff: 'soto' });
    const cancelled = await clinic.book({ phone: '+56911120002', at: '2026-12-03T15:00', staff: 'perez' });
    await clinica().post(`/api/admin/appointments/${moved.id}/move`, {
      start: '2026-12-03T09:30:00-03:00',
      version: 1,
    });
    await clinica().post(`/api/admin/appointments/${cancelled.id}/cancel`, { reason: 'paciente', version: 1 });
    const links = (await clinica().get('/api/admin/calendar-feeds')).body.feeds;
    expect(links.map((l: { name: string }) => l.name)).toEqual(['Clínica Los Aromos', 'Dra. Soto', 'Dr. Pérez']);
    expect(links[0].url).toMatch(/^https:\/\/textbook\.test\.example\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);

    const feed = await feedOf(links[0].url);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    expect(feed.text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('America/Santiago');
    ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const rosa = events.find((e) => e.uid === `${moved.id}@textbook`)!;
    expect(rosa.startDate.zone.tzid).toBe('America/Santiago');
    expect(rosa.startDate.toJSDate().toISOString()).toBe(clinic.at('2026-12-03T09:30').toISOString());
    expect(rosa.endDate.toJSDate().toISOString()).toBe(clinic.at('2026-12-03T09:50').toISOString());
    expect(rosa.summary).toBe(`Consulta general – Rosa (${moved.reference})`);
    expect(rosa.sequence).toBe(1);
    expect(events.some((e) => e.uid === `${cancelled.id}@textbook`)).toBe(false);

    const soto = new ICAL.Component(ICAL.parse((await feedOf(links[1].url)).text));
    const sotoUids = soto.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid'));
    expect(sotoUids).toContain(`${moved.id}@textbook`);
    const perez = new ICAL.Component(ICAL.parse((await feedOf(links[2].url)).text));
    expect(perez.getAllSubcomponents('vevent').map((c) => c.getFirstPropertyValue('uid'))).not.toContain(
      `${moved.id}@textbook`,
    );
  });

  it('keeps wall-clock times right across a DST change (Santiago, April 2027)', async () => {
    const [link] = (await clinica().get('/api/admin/calendar-feeds')).body.feeds;
    t().clock.set('2027-03-15T09:00:00-03:00');
    const before = await clinic.book({ phone: '+56911130001', at: '2027-04-02T10:00', staff: 'soto' });
    const after = await clinic.book({ phone: '+56911130002', at: '2027-04-05T10:00', staff: 'soto' });
    const calendar = new ICAL.Component(ICAL.parse((await feedOf(link.url)).text));
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    const start = (id: string) =>
      new ICAL.Event(
        calendar.getAllSubcomponents('vevent').find((c) => c.getFirstPropertyValue('uid') === `${id}@textbook`)!,
      ).startDate
        .toJSDate()
        .toISOString();
    expect(start(before.id)).toBe('2027-04-02T13:00:00.000Z');
    expect(start(after.id)).toBe('2027-04-05T14:00:00.000Z');
  });

  it('stops answering at the old address once rotated', async () => {
    const [before] = (await edgar().get('/api/admin/calendar-feeds')).body.feeds;
    expect((await feedOf(before.url)).status).toBe(200);
    const rotated = await edgar().post('/api/admin/calendar-feeds/rotate', { staffId: null });
    expect(rotated.body.feeds[0].url).not.toBe(before.url);
    expect((await feedOf(before.url)).status).toBe(404);
    expect((await feedOf(rotated.body.feeds[0].url)).status).toBe(200);
    expect((await feedOf(`${t().baseUrl}/calendar/not-a-token.ics`)).status).toBe(404);
  });
});
