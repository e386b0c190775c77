import { loadConfig } from '../../core/config';
import { runMain } from '../../core/process';
import { ensureDatabase } from '../db/ensure-database';
import { migrate } from '../db/migrate';

/** `npm run migrate`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const applied = await migrate(config);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
}

runMain(main);
