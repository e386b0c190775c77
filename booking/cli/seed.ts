import { loadConfig } from '../../core/config';
import { createDataSource } from '../../core/db';
import { ensureDatabase } from '../db/ensure-database';
import { BusinessFileError } from '../businesses/business-file';
import { DEMO_ADMIN_PASSWORD, seedBusinessFile } from '../businesses/seed';
import { bookingSchema } from '../db/schema';

/** `npm run seed -- FILE [FILE…]`: loads business files (YAML or JSON); loading twice changes nothing. */
async function main(files: string[]): Promise<void> {
  if (files.length === 0) {
    console.error('usage: npm run seed -- FILE [FILE…]');
    process.exit(2);
  }
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const db = createDataSource(config, bookingSchema);
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    for (const file of files) {
      const result = await seedBusinessFile(db, file, { production: config.isProduction, env: process.env });
      console.log(`${result.slug}: ${result.changed === 0 ? 'already up to date' : `${result.changed} rows written`}`);
      for (const email of result.demoAdmins)
        console.log(`  ${email} has the demo password "${DEMO_ADMIN_PASSWORD}" (development only)`);
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof BusinessFileError ? error.message : (error as Error).stack);
  process.exit(1);
});
