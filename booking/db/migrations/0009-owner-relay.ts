import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a customer's replies go while an owner is talking to them through the bot ("@K7WM running
 * late"): one row per customer of a business, the owner phone that wrote last about them, the
 * visit it was about and until when (24 hours after that owner's last relay). Looked up by its
 * primary key on each of the customer's messages.
 */
export class OwnerRelay1766016000009 implements MigrationInterface {
  name = 'OwnerRelay1766016000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE owner_relay (
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        owner_phone text NOT NULL,
        owner_channel text NOT NULL CHECK (owner_channel IN ('sms', 'whatsapp')),
        appointment_id uuid NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
        reference text NOT NULL,
        open_until timestamptz NOT NULL,
        PRIMARY KEY (business_id, customer_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS owner_relay`);
  }
}
