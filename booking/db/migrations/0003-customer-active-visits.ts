import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A customer's active visits in order ("my appointments", cancel, move) are read on many turns.
 * Without this index a generic plan may walk every active appointment of the business by
 * reference and filter out other customers' (seen: ~1,500 buffers per call in the webhook bench).
 */
export class CustomerActiveVisits1764460800003 implements MigrationInterface {
  name = 'CustomerActiveVisits1764460800003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX appointment_customer_active ON appointment (customer_id, starts_at)
        WHERE status IN ('pending_approval', 'booked', 'confirmed', 'in_progress')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointment_customer_active`);
  }
}
