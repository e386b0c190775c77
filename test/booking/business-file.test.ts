import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BusinessFileError, readBusinessFile } from '../../booking/businesses/business-file';
import { DEMO_BUSINESS_FILES, seedBusiness, seedBusinessFile } from '../../booking/businesses/seed';
import { CatalogRepository } from '../../booking/repositories/catalog';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { type BusinessFileDraft, testBusinessFile } from '../helpers/business';

function problemsOf(change: (file: BusinessFileDraft) => void): string[] {
  try {
    testBusinessFile(change);
  } catch (error) {
    if (error instanceof BusinessFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('business files', () => {
  it('reads both demo files', async () => {
    const [edgar, clinic] = await Promise.all(DEMO_BUSINESS_FILES.map(readBusinessFile));
    expect(edgar.channels).toEqual([{ channel: 'sms', address: '+15550100001' }]);
    expect(edgar.services.find((s) => s.key === 'oil-change')).toMatchObject({ durationMinutes: 45, price: 49 });
    expect(edgar.settings.bufferMinutes).toBe(30);
    expect(clinic.timezone).toBe('America/Santiago');
    expect(clinic.staff.map((s) => s.key)).toEqual(['soto', 'perez']);
  });

  it('names the field of every mistake', () => {
    expect(problemsOf((f) => (f.services[1].durationMinutes = '60'))).toEqual([
      'services[1].durationMinutes: expected the duration in minutes',
    ]);
    expect(problemsOf((f) => (f.timezone = 'Pacific Time'))).toEqual([
      'timezone: expected an IANA time zone such as America/Los_Angeles',
    ]);
    expect(problemsOf((f) => (f.hours.mon = ['17:00-08:00']))).toEqual([
      'hours.mon[0]: expected a range like "08:00-17:00" (start before end), got "17:00-08:00"',
    ]);
    expect(problemsOf((f) => (f.staff[0].services = ['oil-chnage']))).toEqual([
      'staff[0].services[0]: unknown service "oil-chnage" (known: oil-change, diagnostics)',
    ]);
    expect(problemsOf((f) => (f.ownerPhones = ['555-0199']))).toEqual([
      'ownerPhones[0]: expected a phone number in E.164 form, like +15550100001',
    ]);
    expect(problemsOf((f) => (f.services[0].duration = 45))).toEqual([
      expect.stringMatching(/^services\[0\]: Unrecognized key: "duration"/),
    ]);
    expect(problemsOf((f) => (f.channels = [{ channel: 'telegram', address: 'x' }]))).toEqual([
      'channels[0].channel: expected channel sms or whatsapp',
    ]);
  });

  it('refuses a WhatsApp template for a message that cannot use one, such as a misspelt one', () => {
    expect(problemsOf((f) => (f.whatsappTemplates = { remindr: { en: `HX${'0'.repeat(32)}` } }))).toEqual([
      expect.stringMatching(
        /^whatsappTemplates\.remindr: expected a message that can use a template: reminder, customerBooked, /,
      ),
    ]);
    expect(
      testBusinessFile((f) => (f.whatsappTemplates = { reminder: { en: `HX${'0'.repeat(32)}` } })).whatsappTemplates,
    ).toEqual({ reminder: { en: `HX${'0'.repeat(32)}` } });
  });

  it('refuses a digest time of 24:00, which can close opening hours but is no time of day', () => {
    expect(problemsOf((f) => (f.settings.digestTime = '24:00'))).toEqual([
      'settings.digestTime: expected a time of day from "00:00" to "23:59", like "07:00"',
    ]);
    expect(testBusinessFile((f) => (f.hours.mon = ['08:00-24:00'])).hours.mon).toEqual([
      { from: '08:00', to: '24:00' },
    ]);
  });

  it('uses Lex when the deployment has it unless the file says useLex: false', () => {
    expect(testBusinessFile().settings.useLex).toBe(true);
    expect(testBusinessFile((f) => (f.settings.useLex = false)).settings.useLex).toBe(false);
    expect(problemsOf((f) => (f.settings.useLex = 'no'))).toEqual(['settings.useLex: expected true or false']);
  });

  it('reports a file that is not YAML at all, with its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tb-'));
    const path = join(dir, 'broken.yaml');
    await writeFile(path, 'slug: [unclosed\n');
    await expect(readBusinessFile(path)).rejects.toThrow(
      new RegExp(`^${path}: invalid business file\\n  - not valid YAML`),
    );
  });
});

describe('seeding', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  const snapshot = async () => {
    const tables = ['business', 'channel_endpoint', 'staff', 'service', 'staff_service', 'admin_user'];
    return Object.fromEntries(
      await Promise.all(tables.map(async (table) => [table, await t.db.query(`SELECT * FROM ${table} ORDER BY 1, 2`)])),
    );
  };

  it('loads the demo businesses, and loading them again changes nothing', async () => {
    const first = await Promise.all(
      DEMO_BUSINESS_FILES.map((f) => seedBusinessFile(t.db, f, { production: false, env: {} })),
    );
    expect(first.map((r) => r.changed > 0)).toEqual([true, true]);
    const before = await snapshot();
    const second = await Promise.all(
      DEMO_BUSINESS_FILES.map((f) => seedBusinessFile(t.db, f, { production: false, env: {} })),
    );
    expect(second.map((r) => r.changed)).toEqual([0, 0]);
    expect(await snapshot()).toEqual(before);

    const clinic = await new CatalogRepository(t.db).byAddress('whatsapp:+56920000001');
    expect(clinic?.business.name).toBe('Clínica Los Aromos');
    const pediatrics = clinic!.services.find((s) => s.key === 'pediatria')!;
    expect(clinic!.staff.filter((s) => s.serviceIds.includes(pediatrics.id)).map((s) => s.key)).toEqual(['soto']);
  });

  it('refuses the demo password in production and an address that belongs to someone else', async () => {
    const [edgar] = await Promise.all(DEMO_BUSINESS_FILES.map(readBusinessFile));
    await expect(seedBusiness(t.db, edgar, { production: true, env: {} })).rejects.toThrow(
      /admins\[0\]\.passwordEnv: .*demo password is refused in production/,
    );
    const thief = testBusinessFile((f) => (f.channels = [{ channel: 'sms', address: '+15550100001' }]));
    await expect(seedBusiness(t.db, thief, { production: false, env: {} })).rejects.toThrow(
      /channels\[0\]\.address: \+15550100001 already belongs to business "edgar"/,
    );
    expect(await t.db.query('SELECT 1 FROM business WHERE slug = $1', [thief.slug])).toEqual([]);
  });

  it('applies a change to the file and deactivates what the file dropped', async () => {
    const file = testBusinessFile();
    await seedBusiness(t.db, file, { production: false, env: {} });
    const edited = testBusinessFile((f) => {
      f.slug = file.slug;
      f.channels = file.channels;
      f.services = [{ key: 'oil-change', names: { en: 'Oil change' }, durationMinutes: 50, price: 49 }];
    });
    const result = await seedBusiness(t.db, edited, { production: false, env: {} });
    expect(result.changed).toBeGreaterThan(0);
    const rows = await t.db.query(
      'SELECT key, duration_minutes, active FROM service WHERE business_id = $1 ORDER BY key',
      [result.businessId],
    );
    expect(rows).toEqual([
      { key: 'diagnostics', duration_minutes: 60, active: false },
      { key: 'oil-change', duration_minutes: 50, active: true },
    ]);
  });
});
