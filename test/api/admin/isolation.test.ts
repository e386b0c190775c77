import type { FastifyInstance } from 'fastify';
import { adminApp, type Demo } from './support';

/**
 * Edgar's admin walks every admin route with the clinic's ids: nothing of the clinic is read or
 * changed. The table must name every route the app serves under /api/admin, so a new route
 * without its case here fails this test.
 */
const { t, edgar, clinica, demo } = adminApp();
let clinic: Demo;
let shop: Demo;

beforeAll(async () => {
  clinic = await demo('clinica-santiago');
  shop = await demo('edgar');
});

/** Every METHOD /path the app serves, read from Fastify's own route tree. */
function routesOf(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}

interface Case {
  route: string;
  send(): Promise<{ status: number; body: unknown; text: string }>;
  /** What Edgar's admin must get: not found, or an answer without any of the clinic. */
  expect: 'not_found' | 'nothing_of_the_clinic';
}

describe("another business's ids", () => {
  it('find nothing and change nothing on any admin route', async () => {
    const visit = await clinic.book({
      phone: '+56912000001',
      name: 'Clara Secreta',
      at: '2026-11-24T10:00',
      staff: 'soto',
    });
    const block = await clinica().post('/api/admin/blocks', {
      staffId: clinic.staffId('perez'),
      start: '2026-11-24T11:00:00-03:00',
      end: '2026-11-24T12:00:00-03:00',
      notes: 'Reunión',
    });
    expect(block.status).toBe(201);
    const clinicFeeds = (await clinica().get('/api/admin/calendar-feeds')).body.feeds;
    const version = (await edgar().get('/api/admin/catalog')).body.version;
    const staff = clinic.staffId('soto');
    const service = clinic.serviceId('consulta-general');
    const customer = visit.customerId!;
    const start = '2026-11-25T10:00:00-03:00';
    const tell = (body: unknown, text: string) => `${JSON.stringify(body)}${text}`;

    const cases: Case[] = [
      { route: 'GET /api/admin/me', send: () => edgar().get('/api/admin/me'), expect: 'nothing_of_the_clinic' },
      {
        route: 'GET /api/admin/appointments',
        send: () => edgar().get(`/api/admin/appointments?from=2026-11-24&staffId=${staff}`),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'GET /api/admin/appointments/:id',
        send: () => edgar().get(`/api/admin/appointments/${visit.id}`),
        expect: 'not_found',
      },
      {
        route: 'POST /api/admin/appointments',
        send: () =>
          edgar().post('/api/admin/appointments', {
            serviceId: service,
            staffId: staff,
            start,
            phone: '+56912000002',
            name: 'X',
          }),
        expect: 'not_found',
      },
      {
        route: 'POST /api/admin/appointments/:id/status',
        send: () => edgar().post(`/api/admin/appointments/${visit.id}/status`, { status: 'confirmed', version: 1 }),
        expect: 'not_found',
      },
      {
        route: 'POST /api/admin/appointments/:id/move',
        send: () => edgar().post(`/api/admin/appointments/${visit.id}/move`, { start, version: 1 }),
        expect: 'not_found',
      },
      {
        route: 'POST /api/admin/appointments/:id/cancel',
        send: () => edgar().post(`/api/admin/appointments/${visit.id}/cancel`, { reason: 'x', version: 1 }),
        expect: 'not_found',
      },
      {
        route: 'GET /api/admin/slots',
        send: () => edgar().get(`/api/admin/slots?serviceId=${service}&date=2026-11-25`),
        expect: 'not_found',
      },
      {
        route: 'GET /api/admin/blocks',
        send: () => edgar().get(`/api/admin/blocks?from=2026-11-24&staffId=${clinic.staffId('perez')}`),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'POST /api/admin/blocks',
        send: () => edgar().post('/api/admin/blocks', { staffId: staff, start, end: '2026-11-25T11:00:00-03:00' }),
        expect: 'not_found',
      },
      {
        route: 'DELETE /api/admin/blocks/:id',
        send: () => edgar().delete(`/api/admin/blocks/${block.body.id}`),
        expect: 'not_found',
      },
      {
        route: 'GET /api/admin/customers',
        send: () => edgar().get('/api/admin/customers?q=Secreta'),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'GET /api/admin/customers/:id',
        send: () => edgar().get(`/api/admin/customers/${customer}`),
        expect: 'not_found',
      },
      {
        route: 'GET /api/admin/customers/:id/messages',
        send: () => edgar().get(`/api/admin/customers/${customer}/messages`),
        expect: 'not_found',
      },
      {
        route: 'POST /api/admin/customers/:id/messages',
        send: () => edgar().post(`/api/admin/customers/${customer}/messages`, { text: 'Hola' }),
        expect: 'not_found',
      },
      {
        route: 'GET /api/admin/catalog',
        send: () => edgar().get('/api/admin/catalog'),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'PUT /api/admin/catalog/services/:id',
        send: () =>
          edgar().put(`/api/admin/catalog/services/${service}`, {
            version,
            names: { en: 'Mine now' },
            durationMinutes: 5,
          }),
        expect: 'not_found',
      },
      {
        route: 'POST /api/admin/catalog/services',
        send: () =>
          edgar().post('/api/admin/catalog/services', {
            version,
            key: 'consulta-general',
            names: { en: 'Consult' },
            durationMinutes: 20,
          }),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'PUT /api/admin/catalog/hours',
        send: async () => {
          const now = (await edgar().get('/api/admin/catalog')).body;
          return edgar().put('/api/admin/catalog/hours', { version: now.version, hours: now.hours });
        },
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'PUT /api/admin/catalog/staff/:id/hours',
        send: async () => {
          const now = (await edgar().get('/api/admin/catalog')).body;
          return edgar().put(`/api/admin/catalog/staff/${staff}/hours`, {
            version: now.version,
            hours: { mon: ['09:00-10:00'] },
          });
        },
        expect: 'not_found',
      },
      {
        route: 'GET /api/admin/stats',
        send: () => edgar().get('/api/admin/stats?from=2026-11-24'),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'GET /api/admin/export.csv',
        send: () => edgar().get('/api/admin/export.csv?from=2026-11-24'),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'GET /api/admin/calendar-feeds',
        send: () => edgar().get('/api/admin/calendar-feeds'),
        expect: 'nothing_of_the_clinic',
      },
      {
        route: 'POST /api/admin/calendar-feeds/rotate',
        send: () => edgar().post('/api/admin/calendar-feeds/rotate', { staffId: staff }),
        expect: 'not_found',
      },
    ];
    // Signing in and out take no ids of anything; test/api/admin/auth.test.ts covers them.
    const covered = [...cases.map((c) => c.route), 'POST /api/admin/login', 'POST /api/admin/logout'];
    const served = routesOf(t().app).filter((r) => r.includes(' /api/admin/'));
    expect([...covered].sort()).toEqual([...served].sort());

    for (const c of cases) {
      const answer = await c.send();
      const seen = tell(answer.body, answer.text);
      if (c.expect === 'not_found')
        expect({ route: c.route, status: answer.status }).toEqual({ route: c.route, status: 404 });
      else
        expect({ route: c.route, status: answer.status }).toEqual({
          route: c.route,
          status: answer.status < 300 ? answer.status : 200,
        });
      // A 404 may repeat the id it was asked for; any other answer holds no trace of the clinic.
      const ids = c.expect === 'not_found' ? [] : [staff, service, visit.id, customer];
      for (const secret of [
        'Clara Secreta',
        '+56912000001',
        visit.reference,
        'Clínica',
        'Soto',
        'Pérez',
        'Reunión',
        ...ids,
      ]) {
        expect({ route: c.route, leaks: seen.includes(secret) ? secret : null }).toEqual({
          route: c.route,
          leaks: null,
        });
      }
    }

    const [row] = await t().runtime.db.query('SELECT status, version, starts_at FROM appointment WHERE id = $1', [
      visit.id,
    ]);
    expect(row).toEqual({ status: 'booked', version: 1, starts_at: clinic.at('2026-11-24T10:00') });
    const [blockRow] = await t().runtime.db.query('SELECT status FROM appointment WHERE id = $1', [block.body.id]);
    expect(blockRow.status).toBe('booked');
    const clinicNow = (await clinica().get('/api/admin/catalog')).body;
    expect(clinicNow.services.find((s: { id: string }) => s.id === service).names.es).toBe('Consulta general');
    expect(clinicNow.staff.find((s: { id: string }) => s.id === staff).hours.mon).toEqual([
      '09:00-13:00',
      '14:00-18:00',
    ]);
    expect(clinicNow.version).toBe(1);
    expect((await clinica().get('/api/admin/calendar-feeds')).body.feeds).toEqual(clinicFeeds);
    const edgarServices = (await edgar().get('/api/admin/catalog')).body.services.map((s: { key: string }) => s.key);
    expect(edgarServices).toContain('consulta-general');
    expect(shop.catalog.business.id).not.toBe(clinic.catalog.business.id);
    expect(await t().runtime.db.query(`SELECT 1 FROM outbox WHERE topic = 'message.send'`)).toEqual([]);
  });
});
