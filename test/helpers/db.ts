import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../core/db';
import { bookingSchema } from '../../booking/db/schema';
import { ADMIN_URL, templateDb, testDbPrefix, urlFor } from './db-names';

export interface TestDatabase {
  url: string;
  db: DataSource;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of this test file's own: files run in parallel without sharing rows. */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const name = `${testDbPrefix()}${randomBytes(6).toString('hex')}`;
  // Cloning needs the template to be idle; a parallel clone may hold it for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`));
      break;
    } catch (error) {
      if (attempt >= 20 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = urlFor(name);
  const db = createDataSource({ databaseUrl: url, databasePoolSize: poolSize }, bookingSchema);
  await db.initialize();
  return {
    url,
    db,
    async drop() {
      if (db.isInitialized) await db.destroy();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
