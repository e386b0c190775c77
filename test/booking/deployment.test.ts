import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../core/db';
import { defaultRedisPrefix } from '../../core/deployment';
import { bookingSchema } from '../../booking/db/schema';
import { readDeployment } from '../../booking/repositories/deployment';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { ADMIN_URL, testDbPrefix, urlFor } from '../helpers/db-names';

/** The deployment record a database carries, from which the default Redis prefix derives. */
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

describe('the deployment record', () => {
  it('is made at the first start and read the same ever after', async () => {
    const first = await readDeployment(database.db);
    const [{ name }] = await database.db.query('SELECT current_database() AS name');
    expect(first).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), databaseName: name, copiedFrom: null });
    expect(await readDeployment(database.db)).toEqual(first);
    expect(defaultRedisPrefix(first)).toBe(`textbook-${name.slice(0, 24)}-${first.id.slice(0, 8)}`);
  });

  it('is made once when several processes start at the same moment', async () => {
    const fresh = await createTestDatabase(8);
    try {
      const records = await Promise.all(Array.from({ length: 8 }, () => readDeployment(fresh.db)));
      expect(new Set(records.map((r) => r.id)).size).toBe(1);
    } finally {
      await fresh.drop();
    }
  });

  it('gets an id of its own in a copy of the database, which says what it was copied from', async () => {
    const original = await readDeployment(database.db);
    const url = new URL(database.url);
    const name = url.pathname.slice(1);
    const copyName = `${testDbPrefix()}copy_${randomBytes(4).toString('hex')}`;
    await database.db.destroy();
    await admin(`CREATE DATABASE ${copyName} TEMPLATE ${name}`);
    const copy = createDataSource({ databaseUrl: urlFor(copyName), databasePoolSize: 1 }, bookingSchema);
    try {
      await copy.initialize();
      const record = await readDeployment(copy);
      expect(record).toEqual({ id: expect.any(String), databaseName: copyName, copiedFrom: name });
      expect(record.id).not.toBe(original.id);
      expect(await readDeployment(copy)).toEqual({ ...record, copiedFrom: null });
    } finally {
      await copy.destroy().catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS ${copyName} WITH (FORCE)`);
      await database.db.initialize();
    }
    expect(await readDeployment(database.db)).toEqual(original);
  });
});
