import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the admin page needs:
 * - Server-side sessions: the cookie names a row here (by the SHA-256 of its id, so a copy of
 *   the table opens no session), which logout deletes and which ends at `expires_at`.
 * - Calendar feeds: a secret token per business and per staff member (a null staff is the whole
 *   business), replaced when rotated so the old address stops working.
 * - A catalog version per business: edits from the page carry the version they started from, so
 *   two people editing at once cannot overwrite each other unseen.
 * - Reads by customer (a conversation), by target (an appointment's history) and by time span (a
 *   day or week: a block may start days before the day shown); migration 0004 left the
 *   conversation's index to the view that reads it.
 * - The audit log also notes failed logins of an admin, and login attempts for addresses no
 *   business has (business_id null).
 */
export class AdminWeb1765756800008 implements MigrationInterface {
  name = 'AdminWeb1765756800008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_session (
        id text PRIMARY KEY,
        admin_user_id uuid REFERENCES admin_user (id) ON DELETE CASCADE,
        data jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX admin_session_expires ON admin_session (expires_at)`);

    await q.query(`
      CREATE TABLE calendar_feed (
        token text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{32,}$'),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        staff_id uuid REFERENCES staff (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (business_id, staff_id)
      )`);

    await q.query(`ALTER TABLE business ADD COLUMN catalog_version integer NOT NULL DEFAULT 1`);
    await q.query(
      `CREATE INDEX message_customer_created ON message (customer_id, created_at) WHERE customer_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX audit_log_target ON audit_log (target, created_at) WHERE target IS NOT NULL`);
    await q.query(
      `CREATE INDEX appointment_business_span ON appointment USING gist (business_id, tstzrange(starts_at, ends_at, '[)'))`,
    );
    await q.query(`ALTER TABLE audit_log ALTER COLUMN business_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_log WHERE business_id IS NULL`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN business_id SET NOT NULL`);
    await q.query(`DROP INDEX appointment_business_span`);
    await q.query(`DROP INDEX audit_log_target`);
    await q.query(`DROP INDEX message_customer_created`);
    await q.query(`ALTER TABLE business DROP COLUMN catalog_version`);
    await q.query(`DROP TABLE calendar_feed`);
    await q.query(`DROP TABLE admin_session`);
  }
}
