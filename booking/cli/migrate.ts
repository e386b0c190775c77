import { loadConfig } from '../../core/config';
import { runMain } from '../../core/process';
import { createDataSource } from '../../core/db';
import { ensureDatabase } from '../db/ensure-database';
import { bookingSchema } from '../db/schema';

/** `npm run migrate`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const db = createDataSource(config, bookingSchema);
  await db.initialize();
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
  } finally {
    await db.destroy();
  }
}

runMain(main);
