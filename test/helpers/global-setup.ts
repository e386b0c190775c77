import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource } from '../../core/db';
import { bookingSchema } from '../../booking/db/schema';
import { buildAdminPage } from '../../admin-web/build';
import { ADMIN_URL, templateDb, urlFor } from './db-names';

/**
 * Migrates one template database per run; each test file clones it (CREATE DATABASE … TEMPLATE).
 * Builds the admin page from its sources, so every app a test starts serves the current page.
 */
export default async function globalSetup(): Promise<void> {
  const building = buildAdminPage();
  process.env.TEXTBOOK_TEST_RUN = randomBytes(4).toString('hex');
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${templateDb()}`);
  await admin.end();
  const db = createDataSource({ databaseUrl: urlFor(templateDb()), databasePoolSize: 1 }, bookingSchema);
  await db.initialize();
  await db.runMigrations();
  await db.destroy();
  await building;
}
