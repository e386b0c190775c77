import madge from 'madge';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const MODULES = ['core', 'booking', 'dialogs', 'bot', 'api', 'workers', 'infra', 'admin-web', 'bench'];

/** Which top-level modules each may import (README.md, Architecture): dependencies point one way. */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  booking: ['core', 'booking'],
  dialogs: ['core', 'dialogs'],
  bot: ['core', 'booking', 'dialogs', 'bot'],
  workers: ['core', 'booking', 'dialogs', 'workers'],
  api: ['core', 'booking', 'dialogs', 'bot', 'workers', 'api'],
  infra: ['core', 'dialogs', 'infra'],
  'admin-web': ['admin-web'],
  bench: MODULES.concat('test'),
  // Reached through the benches, which reuse the tests' corpus and fakes.
  test: MODULES.concat('test'),
};

/**
 * Single files a module may use beyond ALLOWED. infra/ reads the business files (a pure parser:
 * no database) to generate the Lex bot's slot values, as `npm run lex:definition` does, and
 * builds the admin page to ship beside the admin function's bundle.
 */
const ALSO_ALLOWED: Record<string, string[]> = {
  infra: ['booking/businesses/business-file.ts', 'admin-web/build.ts'],
};

const moduleOf = (file: string) => file.split('/')[0];
const testFiles = () =>
  readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join('test', file));

describe('architecture', () => {
  let graph: Record<string, string[]>;
  let circular: string[][];

  beforeAll(async () => {
    const result = await madge(
      MODULES.map((m) => join(ROOT, m)).filter((dir) => existsSync(dir) && !dir.endsWith('admin-web')),
      {
        baseDir: ROOT,
        fileExtensions: ['ts'],
        excludeRegExp: [/node_modules/, /\.d\.ts$/],
        detectiveOptions: { ts: { skipTypeImports: true } },
      },
    );
    graph = result.obj();
    circular = result.circular();
  }, 60_000);

  it('has no import cycles', () => {
    expect(circular).toEqual([]);
  });

  it('keeps every dependency pointing one way', () => {
    const wrong: string[] = [];
    for (const [file, deps] of Object.entries(graph)) {
      for (const dep of deps) {
        const allowed = ALLOWED[moduleOf(file)]?.includes(moduleOf(dep)) || ALSO_ALLOWED[moduleOf(file)]?.includes(dep);
        if (!allowed) wrong.push(`${file} -> ${dep}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(graph['api/services.ts']).toEqual(expect.arrayContaining(['booking/index.ts', 'bot/index.ts']));
  });

  it('keeps dialogs/ away from the database (infra loads it to build the Lex bot)', () => {
    const offenders = Object.keys(graph)
      .filter((file) => moduleOf(file) === 'dialogs')
      .filter((file) =>
        /from '(typeorm|pg|ioredis|bullmq)'|core\/(db|runtime|redis)'/.test(readFileSync(join(ROOT, file), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in booking/ and off the private fields of TypeORM and pg', () => {
    const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    const sqlOutside = Object.keys(graph)
      .filter((file) => !['booking', 'bench'].includes(moduleOf(file)))
      .filter((file) => /SELECT|INSERT|UPDATE|DELETE|poolSql|inTransaction/.test(source(file)));
    expect(sqlOutside).toEqual([]);
    const privateFields = Object.keys(graph)
      .concat(testFiles().filter((file) => file !== 'test/architecture.test.ts')) // this file names them
      .filter((file) => /\.master\b|driver as unknown/.test(source(file)));
    expect(privateFields).toEqual([]);
  });

  it('lets only the one-box entry point start the workers', () => {
    const importers = Object.entries(graph)
      .filter(([file, deps]) => moduleOf(file) === 'api' && deps.some((d) => moduleOf(d) === 'workers'))
      .map(([file]) => file);
    expect(importers.every((f) => f === 'api/main.ts')).toBe(true);
  });
});
