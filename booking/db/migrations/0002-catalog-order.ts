import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Services and staff keep the order their business file gives them (menus read in that order). */
export class CatalogOrder1763856000002 implements MigrationInterface {
  name = 'CatalogOrder1763856000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service ADD COLUMN position integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE staff ADD COLUMN position integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service DROP COLUMN position`);
    await q.query(`ALTER TABLE staff DROP COLUMN position`);
  }
}
