import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deployment a database belongs to: one row, made at its first start (not here, so that every
 * database cloned from a migrated template gets an id of its own), renewed when the database
 * turns out to be a copy under another name. The default Redis prefix derives from it, and the
 * prefix's marker in Redis names it, so two databases never share their queued work
 * (booking/repositories/deployment.ts, core/deployment.ts).
 */
export class Deployment1765497600007 implements MigrationInterface {
  name = 'Deployment1765497600007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deployment (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        id uuid NOT NULL,
        database_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deployment`);
  }
}
