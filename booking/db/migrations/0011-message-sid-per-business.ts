import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A MessageSid is unique per business, not across them: the same SID sent to two businesses (a
 * replay, a forged webhook signed with a shared account's token) must be two messages, each
 * answered by its own business, never the first business's stored reply. The SID leads the key,
 * so delivery statuses, which know only the SID, still find their message by it.
 */
export class MessageSidPerBusiness1766448000011 implements MigrationInterface {
  name = 'MessageSidPerBusiness1766448000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX message_provider_sid_business ON message (provider_sid, business_id) WHERE provider_sid IS NOT NULL`,
    );
    await q.query(`DROP INDEX message_provider_sid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX message_provider_sid ON message (provider_sid) WHERE provider_sid IS NOT NULL`);
    await q.query(`DROP INDEX message_provider_sid_business`);
  }
}
