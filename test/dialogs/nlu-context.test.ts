import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { BusinessFile } from '../../booking/businesses/business-file';
import { seedBusiness } from '../../booking/businesses/seed';
import { CatalogRepository } from '../../booking/repositories/catalog';
import { nluContextOf, nluContextOfFile } from '../../bot/nlu-context';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { demoFile } from './demo-context';

/** The context bot/ builds from a catalog in Postgres, and the `npm run nlu` tool around it. */

const ROOT = join(__dirname, '..', '..');
const NOW = new Date('2026-11-23T18:00:00Z');

describe('nluContextOf', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(2);
    await seedBusiness(t.db, await demoFile('clinica-santiago'), { production: false, env: {} });
  });
  afterAll(async () => t.drop());

  it('maps a stored catalog the same way as its business file', async () => {
    const file = await demoFile('clinica-santiago');
    const catalog = await new CatalogRepository(t.db).bySlug('clinica-santiago');
    const fromDb = nluContextOf(catalog, NOW, {
      customerLocale: 'es',
      expecting: 'choice',
      activeIntent: 'Book',
      offeredCount: 3,
    });
    const fromFile = nluContextOfFile(file, NOW, {
      customerLocale: 'es',
      expecting: 'choice',
      activeIntent: 'Book',
      offeredCount: 3,
    });
    const byKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect({ ...fromDb, services: byKey(fromDb.services), staff: byKey(fromDb.staff) }).toEqual({
      ...fromFile,
      services: byKey(fromFile.services),
      staff: byKey(fromFile.staff),
    });
    expect(fromDb).toMatchObject({
      timezone: 'America/Santiago',
      defaultLocale: 'es',
      locales: ['es', 'en'],
      now: NOW,
      offeredCount: 3,
    });
    expect(fromDb.staff.find((s) => s.key === 'soto')?.aliases).toContain('la doctora');
  });

  it('loads the business by slug for `npm run nlu -- --business`', () => {
    const out = run(
      ['--business', 'clinica-santiago', '--now', '2026-11-23T10:00:00-03:00'],
      'hora con la doctora el martes a las 10\n',
      { DATABASE_URL: t.url },
    );
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({
      text: 'hora con la doctora el martes a las 10',
      intent: 'Book',
      service: 'consulta-general',
      staff: 'soto',
      start: '2026-11-24T10:00:00-03:00',
      end: '2026-11-24T10:00:00-03:00',
      grain: 'minute',
      locale: 'es',
    });
  });

  it('leaves out services and staff that are not active', async () => {
    const file = await demoFile('edgar');
    const edited: BusinessFile = {
      ...file,
      slug: 'edgar-retired',
      channels: [{ channel: 'sms', address: '+15550100777' }],
      admins: [],
      services: file.services.map((s) => (s.key === 'battery' ? { ...s, active: false } : s)),
    };
    await seedBusiness(t.db, edited, { production: false, env: {} });
    const context = nluContextOf(await new CatalogRepository(t.db).bySlug('edgar-retired'), NOW);
    expect(context.services.map((s) => s.key)).not.toContain('battery');
    expect(context.services).toHaveLength(file.services.length - 1);
  });
});

const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = (args: string[], input: string, env: Record<string, string> = {}) =>
  spawnSync(tsx, [join(ROOT, 'bot', 'cli', 'nlu.ts'), ...args], {
    input,
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, ...env },
  });

describe('npm run nlu', () => {
  it('prints one JSON line per message, from a business file', () => {
    const out = run(
      ['--file', 'booking/businesses/demo/edgar.yaml', '--now', '2026-11-23T10:00:00-08:00'],
      'oil change tomorrow at 3\n\nhola, cuánto cuesta?\n',
    );
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        text: 'oil change tomorrow at 3',
        intent: 'Book',
        service: 'oil-change',
        staff: null,
        start: '2026-11-24T15:00:00-08:00',
        end: '2026-11-24T15:00:00-08:00',
        grain: 'minute',
        locale: 'en',
      },
      {
        text: 'hola, cuánto cuesta?',
        intent: 'Services',
        service: null,
        staff: null,
        start: null,
        end: null,
        grain: null,
        locale: 'es',
      },
    ]);
  });

  it('refuses unclear arguments', () => {
    const out = run(['--now', 'yesterday-ish'], '');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('usage: npm run nlu');
  });
});
