import { adminApp, type Demo } from './support';

/** Services and hours edited from the page: the business file's rules, a version, the audit log. */
const { t, edgar, demo } = adminApp();
let shop: Demo;
let version: number;

beforeAll(async () => {
  shop = await demo('edgar');
});

const catalog = async () => (await edgar().get('/api/admin/catalog')).body;
const firstSlot = async (serviceKey: string, date: string) =>
  (await edgar().get(`/api/admin/slots?serviceId=${shop.serviceId(serviceKey)}&date=${date}`)).body.slots[0];

describe('the catalog', () => {
  it('reads as the business file writes it, with its version', async () => {
    const c = await catalog();
    version = c.version;
    expect(c).toMatchObject({ version: 1, locale: 'en', timezone: 'America/Los_Angeles' });
    expect(c.services[0]).toEqual({
      id: shop.serviceId('oil-change'),
      key: 'oil-change',
      names: { en: 'Oil change', es: 'Cambio de aceite' },
      synonyms: {
        en: ['oil', 'oil service', 'lube', 'lube job', 'oil and filter'],
        es: ['aceite', 'cambio de aceite'],
      },
      durationMinutes: 45,
      bufferMinutes: 30,
      price: 49,
      active: true,
    });
    expect(c.hours).toEqual({
      mon: ['08:00-17:00'],
      tue: ['08:00-17:00'],
      wed: ['08:00-17:00'],
      thu: ['08:00-17:00'],
      fri: ['08:00-17:00'],
      sat: ['08:00-17:00'],
    });
    expect(c.staff).toEqual([
      expect.objectContaining({ name: 'Edgar', hours: c.hours, serviceIds: expect.any(Array) }),
    ]);
  });

  it('changes a service at once for booking, audit-logged with what it was', async () => {
    const changed = await edgar().put(`/api/admin/catalog/services/${shop.serviceId('oil-change')}`, {
      version,
      names: { en: 'Oil change', es: 'Cambio de aceite' },
      synonyms: { en: ['oil', 'synthetic oil'] },
      durationMinutes: 60,
      bufferMinutes: 15,
      price: 59.9,
    });
    expect(changed.status).toBe(200);
    version = changed.body.version;
    expect(version).toBe(2);
    expect(changed.body.services[0]).toMatchObject({
      durationMinutes: 60,
      bufferMinutes: 15,
      price: 59.9,
      synonyms: { en: ['oil', 'synthetic oil'] },
    });
    const slot = await firstSlot('oil-change', '2026-11-30');
    expect(new Date(slot.end).getTime() - new Date(slot.start).getTime()).toBe(60 * 60_000);
    const [audit] = await t().runtime.db.query(
      `SELECT actor, details FROM audit_log WHERE action = 'catalog.service_changed' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.actor).toMatch(/^admin:/);
    expect(audit.details).toMatchObject({
      version: 1,
      before: { price: 49, durationMinutes: 45 },
      after: { price: 59.9 },
    });
  });

  it('refuses an edit from an older version with the catalog as it is now', async () => {
    const stale = await edgar().put(`/api/admin/catalog/services/${shop.serviceId('battery')}`, {
      version: 1,
      names: { en: 'Battery' },
      durationMinutes: 30,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'STALE_VERSION', current: { version } });
    expect(stale.body.current.services.find((s: { key: string }) => s.key === 'battery').names.en).toBe(
      'Battery replacement',
    );
  });

  it('checks an edit by the business file rules, naming the field, and changes nothing', async () => {
    const id = shop.serviceId('battery');
    const zero = await edgar().put(`/api/admin/catalog/services/${id}`, {
      version,
      names: { en: 'Battery' },
      durationMinutes: 0,
    });
    expect(zero.status).toBe(400);
    expect(zero.body).toMatchObject({
      field: 'body.durationMinutes',
      message: 'body.durationMinutes: expected a duration above 0',
    });
    const noName = await edgar().put(`/api/admin/catalog/services/${id}`, {
      version,
      names: { es: 'Batería' },
      durationMinutes: 30,
    });
    expect(noName.body).toMatchObject({ field: 'body.names.en', message: expect.stringMatching(/business language/) });
    const badHours = await edgar().put('/api/admin/catalog/hours', { version, hours: { mon: ['17:00-08:00'] } });
    expect(badHours.body).toMatchObject({
      field: 'body.hours.mon[0]',
      message: expect.stringMatching(/start before end/),
    });
    const badDay = await edgar().put('/api/admin/catalog/hours', { version, hours: { funday: ['08:00-17:00'] } });
    expect(badDay.status).toBe(400);
    const notAService = await edgar().put(`/api/admin/catalog/services/${shop.staffId('edgar')}`, {
      version,
      names: { en: 'X' },
      durationMinutes: 30,
    });
    expect(notAService.status).toBe(404);
    expect((await catalog()).version).toBe(version);
  });

  it('adds a service that every active staff member does', async () => {
    const added = await edgar().post('/api/admin/catalog/services', {
      version,
      key: 'wipers',
      names: { en: 'Wiper blades', es: 'Plumillas' },
      durationMinutes: 15,
      price: 25,
    });
    expect(added.status).toBe(200);
    version = added.body.version;
    const wipers = added.body.services.at(-1);
    expect(wipers).toMatchObject({ key: 'wipers', durationMinutes: 15, bufferMinutes: 0, price: 25 });
    expect(added.body.staff[0].serviceIds).toContain(wipers.id);
    const slots = await edgar().get(`/api/admin/slots?serviceId=${wipers.id}&date=2026-11-30`);
    expect(slots.body.slots.length).toBeGreaterThan(0);
    const twice = await edgar().post('/api/admin/catalog/services', {
      version,
      key: 'wipers',
      names: { en: 'Wipers' },
      durationMinutes: 15,
    });
    expect(twice.body).toMatchObject({ field: 'body.key' });
  });

  it('changes the opening hours and a staff member’s, which decide the free times', async () => {
    const hours = {
      mon: ['08:00-17:00'],
      tue: ['08:00-17:00'],
      wed: ['08:00-17:00'],
      thu: ['08:00-17:00'],
      fri: ['08:00-12:00'],
    };
    const closedSaturday = await edgar().put('/api/admin/catalog/hours', { version, hours });
    expect(closedSaturday.body.hours).toEqual(hours);
    version = closedSaturday.body.version;
    expect(await firstSlot('battery', '2026-11-28')).toBeUndefined();
    const later = await edgar().put(`/api/admin/catalog/staff/${shop.staffId('edgar')}/hours`, {
      version,
      hours: { mon: ['10:00-17:00'] },
    });
    expect(later.body.staff[0].hours).toEqual({ mon: ['10:00-17:00'] });
    expect((await firstSlot('battery', '2026-11-30')).start).toBe('2026-11-30T18:00:00.000Z');
    expect(await firstSlot('battery', '2026-12-01')).toBeUndefined();
  });
});
