import { Client } from 'pg';
import { ADMIN_URL, TEST_DB_PREFIX } from './db-names';

/** Drops the per-file databases that a crashed test file left behind. */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DB_PREFIX}%`]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
