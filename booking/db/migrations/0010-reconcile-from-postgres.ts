import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the sender needs besides the row to send a queued message (a WhatsApp template, the
 * template to fall back on, the visit's start a reminder speaks of, the instant it may leave):
 * kept on the row, so that a message queued in Postgres can be handed to the outbound queue again
 * from Postgres alone when Redis has lost its job (workers/reconciler.ts). Partial indexes find
 * what the reconciler reads: the queued and sending rows (the few among many sent ones), and the
 * visits that will get reminders.
 */
export class ReconcileFromPostgres1766275200010 implements MigrationInterface {
  name = 'ReconcileFromPostgres1766275200010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE message ADD COLUMN send_options jsonb`);
    await q.query(
      `CREATE INDEX message_unsent ON message (created_at) WHERE direction = 'outbound' AND status IN ('queued', 'sending')`,
    );
    await q.query(
      `CREATE INDEX appointment_remindable ON appointment (starts_at) WHERE kind = 'visit' AND status IN ('booked', 'confirmed')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS appointment_remindable`);
    await q.query(`DROP INDEX IF EXISTS message_unsent`);
    await q.query(`ALTER TABLE message DROP COLUMN IF EXISTS send_options`);
  }
}
