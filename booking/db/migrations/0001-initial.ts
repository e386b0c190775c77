import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema. Explicit SQL: the exclusion constraint, partial indexes and checks
 * are the point of this schema and no ORM generates them faithfully.
 */
export class Initial1763769600001 implements MigrationInterface {
  name = 'Initial1763769600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE TABLE business (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
        name text NOT NULL,
        timezone text NOT NULL,
        default_locale text NOT NULL CHECK (default_locale IN ('en', 'es')),
        locales text[] NOT NULL,
        owner_phones text[] NOT NULL DEFAULT '{}',
        settings jsonb NOT NULL,
        whatsapp_templates jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE channel_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
        address text NOT NULL UNIQUE
      )`);

    await q.query(`
      CREATE TABLE staff (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        weekly_hours jsonb NOT NULL,
        active boolean NOT NULL DEFAULT true,
        UNIQUE (business_id, key)
      )`);

    await q.query(`
      CREATE TABLE service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        key text NOT NULL,
        names jsonb NOT NULL,
        synonyms jsonb NOT NULL DEFAULT '{}',
        duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
        buffer_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_minutes >= 0),
        price_cents integer CHECK (price_cents >= 0),
        active boolean NOT NULL DEFAULT true,
        UNIQUE (business_id, key)
      )`);

    await q.query(`
      CREATE TABLE staff_service (
        staff_id uuid NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        service_id uuid NOT NULL REFERENCES service (id) ON DELETE CASCADE,
        PRIMARY KEY (staff_id, service_id)
      )`);

    await q.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        phone text NOT NULL CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$'),
        name text,
        locale text CHECK (locale IN ('en', 'es')),
        opted_out_at timestamptz,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (business_id, phone)
      )`);

    // busy_until = ends_at + the service's buffer (travel time): the range the constraint guards.
    await q.query(`
      CREATE TABLE appointment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff (id),
        service_id uuid REFERENCES service (id),
        customer_id uuid REFERENCES customer (id),
        kind text NOT NULL CHECK (kind IN ('visit', 'block')),
        status text NOT NULL CHECK (status IN ('pending_approval', 'booked', 'confirmed', 'in_progress', 'completed', 'cancelled', 'no_show')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        busy_until timestamptz NOT NULL,
        reference text NOT NULL CHECK (reference ~ '^[A-Z0-9]{4,6}$'),
        source_channel text CHECK (source_channel IN ('sms', 'whatsapp', 'owner', 'admin')),
        address text,
        notes text,
        cancel_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_at < ends_at AND ends_at <= busy_until),
        CHECK (kind = 'block' OR (service_id IS NOT NULL AND customer_id IS NOT NULL)),
        CONSTRAINT appointment_no_overlap EXCLUDE USING gist (
          staff_id WITH =,
          tstzrange(starts_at, busy_until, '[)') WITH &&
        ) WHERE (status IN ('pending_approval', 'booked', 'confirmed', 'in_progress'))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX appointment_active_reference ON appointment (business_id, reference)
        WHERE status IN ('pending_approval', 'booked', 'confirmed', 'in_progress')`);
    await q.query(`CREATE INDEX appointment_business_starts ON appointment (business_id, starts_at)`);
    await q.query(`CREATE INDEX appointment_customer_starts ON appointment (customer_id, starts_at)`);

    await q.query(`
      CREATE TABLE conversation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
        state jsonb NOT NULL DEFAULT '{}',
        last_inbound_at timestamptz,
        expires_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (business_id, customer_id, channel)
      )`);

    await q.query(`
      CREATE TABLE message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        customer_id uuid REFERENCES customer (id) ON DELETE SET NULL,
        appointment_id uuid REFERENCES appointment (id) ON DELETE SET NULL,
        in_reply_to uuid REFERENCES message (id) ON DELETE SET NULL,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        channel text NOT NULL CHECK (channel IN ('sms', 'whatsapp')),
        purpose text NOT NULL DEFAULT 'conversation',
        from_address text NOT NULL,
        to_address text NOT NULL,
        body text NOT NULL DEFAULT '',
        media jsonb NOT NULL DEFAULT '[]',
        provider_sid text UNIQUE,
        status text NOT NULL,
        error_code integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX message_customer_created ON message (business_id, customer_id, created_at)`);
    await q.query(`CREATE INDEX message_in_reply_to ON message (in_reply_to) WHERE in_reply_to IS NOT NULL`);

    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        topic text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (id) WHERE processed_at IS NULL`);

    await q.query(`
      CREATE TABLE admin_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'admin' CHECK (role IN ('admin', 'front_desk')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_log_business_created ON audit_log (business_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'admin_user',
      'outbox',
      'message',
      'conversation',
      'appointment',
      'customer',
      'staff_service',
      'service',
      'staff',
      'channel_endpoint',
      'business',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
