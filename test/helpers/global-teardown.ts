import { Client } from 'pg';
import { ADMIN_URL, templateDb, testDbPrefix } from './db-names';

/** Drops this run's template and any per-file database a crashed test file left behind. */
export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
    `${testDbPrefix()}%`,
  ]);
  for (const { datname } of [...rows, { datname: templateDb() }])
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();
}
