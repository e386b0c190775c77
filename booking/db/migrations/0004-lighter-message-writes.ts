import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every webhook turn writes two message rows and updates one conversation, so each index on
 * them is paid twice a turn:
 * - A reply has no MessageSid of its own, and a unique B-tree still stores its NULL: every reply
 *   went into the same rightmost leaf, which all writers contend for. Only real SIDs are indexed now.
 * - Nothing reads messages by (business, customer, time) yet; the admin's history view adds the
 *   index its query needs.
 * - A conversation is rewritten on every turn; free room in its pages lets Postgres keep the new
 *   version on the same page without touching the indexes (a HOT update).
 */
export class LighterMessageWrites1764806400004 implements MigrationInterface {
  name = 'LighterMessageWrites1764806400004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX message_provider_sid ON message (provider_sid) WHERE provider_sid IS NOT NULL`);
    await q.query(`ALTER TABLE message DROP CONSTRAINT message_provider_sid_key`);
    await q.query(`DROP INDEX message_customer_created`);
    await q.query(`ALTER TABLE conversation SET (fillfactor = 70)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversation RESET (fillfactor)`);
    await q.query(`CREATE INDEX message_customer_created ON message (business_id, customer_id, created_at)`);
    await q.query(`ALTER TABLE message ADD CONSTRAINT message_provider_sid_key UNIQUE (provider_sid)`);
    await q.query(`DROP INDEX message_provider_sid`);
  }
}
