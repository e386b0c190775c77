import { Client } from 'pg';
import { createDataSource } from '../../core/db';
import { bookingSchema } from '../../booking/db/schema';
import { ADMIN_URL, TEMPLATE_DB, urlFor } from './db-names';

/** Migrates one template database; each test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const db = createDataSource({ databaseUrl: urlFor(TEMPLATE_DB), databasePoolSize: 1 }, bookingSchema);
  await db.initialize();
  await db.runMigrations();
  await db.destroy();
}
