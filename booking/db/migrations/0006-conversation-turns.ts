import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One conversation, one turn at a time, across processes (booking/repositories/turns.ts):
 * - `pending`: the inbound messages stored and not yet read by a turn, in arrival order. A turn
 *   reads all of them, so messages that queued up behind a running turn are read together.
 * - `turn_holder`, `turn_until`: the lease on the conversation's turn, held by the message whose
 *   delivery is running it, until the save that ends the turn (or `turn_until`, so that a
 *   process that died mid-turn holds the conversation for a bounded time only).
 * None is indexed, so writing them keeps the row's updates HOT (fillfactor 70, migration 0004).
 */
export class ConversationTurns1765497600006 implements MigrationInterface {
  name = 'ConversationTurns1765497600006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE conversation
        ADD COLUMN pending uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN turn_holder uuid,
        ADD COLUMN turn_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE conversation DROP COLUMN turn_until, DROP COLUMN turn_holder, DROP COLUMN pending`);
  }
}
