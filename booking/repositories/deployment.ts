import type { DataSource } from 'typeorm';
import type { DeploymentRecord } from '../../core/db';
import { poolSql, sqlState } from './sql';

const UNDEFINED_TABLE = '42P01';

/**
 * Makes the row at a database's first start; renews the id when the database's name is not the
 * one recorded (a copy: `CREATE DATABASE … TEMPLATE`, a restore under another name), so the copy
 * never takes the original's queued work. `previous` sees the table as it was before the upsert.
 */
const READ_DEPLOYMENT = `
  WITH previous AS (SELECT database_name FROM deployment),
       made AS (
         INSERT INTO deployment (id, database_name) VALUES (gen_random_uuid(), current_database())
         ON CONFLICT (singleton) DO UPDATE SET id = EXCLUDED.id, database_name = EXCLUDED.database_name, created_at = now()
          WHERE deployment.database_name <> EXCLUDED.database_name
         RETURNING id, database_name)
  SELECT made.id::text AS id, made.database_name AS "databaseName", (SELECT database_name FROM previous) AS "copiedFrom"
    FROM made
  UNION ALL
  SELECT d.id::text, d.database_name, NULL FROM deployment d WHERE NOT EXISTS (SELECT 1 FROM made)`;

/** This database's deployment record (core/deployment.ts says what it is for). */
export async function readDeployment(db: DataSource): Promise<DeploymentRecord> {
  const sql = poolSql(db);
  // Two first starts at once: the one whose insert waited on the other's sees no row in its
  // statement's snapshot; the next statement sees the committed one.
  for (let attempt = 0; attempt < 3; attempt++) {
    let rows: DeploymentRecord[];
    try {
      rows = await sql.rows<DeploymentRecord>(READ_DEPLOYMENT);
    } catch (error) {
      if (sqlState(error) === UNDEFINED_TABLE) {
        throw new Error('the database has no deployment table: it is not migrated (run `npm run migrate`)');
      }
      throw error;
    }
    if (rows[0]) return rows[0];
  }
  throw new Error('could not read or make the deployment row');
}
