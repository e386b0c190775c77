import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../core/db';
import { bookingSchema } from '../../booking/db/schema';
import { ADMIN_URL, templateDb, urlFor } from './db-names';

/** Migrates one template database per run; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  process.env.TEXTBOOK_TEST_RUN = randomBytes(4).toString('hex');
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDb()}`);
  await admin.end();
  const db = createDataSource({ databaseUrl: urlFor(templateDb()), databasePoolSize: 1 }, bookingSchema);
  await db.initialize();
  await db.runMigrations();
  await db.destroy();
}
