import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Twilio may report a message's delivery before the sender has stored its SID (the callback can
 * beat the REST response, or the sender's update can fail and be retried). Such a report is kept
 * by SID and applied when the sender stores the SID; it never moves the status backwards.
 *
 * The report and the storing of the SID must not miss each other: each could otherwise look for
 * the other before it commits. Both run as one function call that first takes a transaction lock
 * on the SID, then reads with a snapshot taken after the lock (a VOLATILE function's statements
 * each take a fresh one under READ COMMITTED): one round trip each, and whichever comes second
 * sees the other's write. The lock uses the two-key advisory space (class 1001, hash of the SID),
 * which never meets the booking's one-key hour locks. Ranks of statuses come from the caller
 * (booking/repositories/delivery-status.ts), the one place they are written.
 *
 * Reports for SIDs that never appear (messages answered in TwiML, another app's) are kept a day.
 */
export class EarlyDeliveryStatuses1765152000005 implements MigrationInterface {
  name = 'EarlyDeliveryStatuses1765152000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE early_delivery_status (
        provider_sid text PRIMARY KEY,
        status text NOT NULL,
        error_code integer,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX early_delivery_status_received ON early_delivery_status (received_at)`);

    // A status callback: applied to the outbound message with this SID when it is not older than
    // the status recorded; else kept for the sender when no message has the SID yet.
    await q.query(`
      CREATE FUNCTION record_delivery_status(p_sid text, p_status text, p_error_code integer, p_ranks jsonb)
        RETURNS TABLE (outcome text, business uuid, recipient text) LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        new_rank integer := COALESCE((p_ranks ->> p_status)::integer, 0);
      BEGIN
        PERFORM pg_advisory_xact_lock(1001, hashtext(p_sid));
        UPDATE message m SET status = p_status, error_code = COALESCE(p_error_code, m.error_code), updated_at = now()
         WHERE m.provider_sid = p_sid AND m.direction = 'outbound' AND COALESCE((p_ranks ->> m.status)::integer, 0) <= new_rank
        RETURNING m.business_id, m.to_address INTO business, recipient;
        IF FOUND THEN
          outcome := 'applied';
        ELSIF EXISTS (SELECT 1 FROM message m WHERE m.provider_sid = p_sid) THEN
          outcome := 'ignored';
        ELSE
          INSERT INTO early_delivery_status AS e (provider_sid, status, error_code) VALUES (p_sid, p_status, p_error_code)
            ON CONFLICT (provider_sid) DO UPDATE SET status = EXCLUDED.status, error_code = COALESCE(EXCLUDED.error_code, e.error_code)
            WHERE COALESCE((p_ranks ->> e.status)::integer, 0) <= new_rank;
          DELETE FROM early_delivery_status WHERE received_at < now() - interval '1 day';
          outcome := 'kept';
        END IF;
        RETURN NEXT;
      END $$`);

    // The sender stores the SID Twilio gave (sending → sent), then applies a report that came
    // first when it is not older than 'sent'. No row when the message was not being sent.
    await q.query(`
      CREATE FUNCTION mark_message_sent(p_id uuid, p_sid text, p_ranks jsonb)
        RETURNS TABLE (final_status text, final_error_code integer, business uuid, recipient text) LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        early_status text;
        early_error_code integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(1001, hashtext(p_sid));
        UPDATE message m SET status = 'sent', provider_sid = p_sid, error_code = NULL, updated_at = now()
         WHERE m.id = p_id AND m.status = 'sending'
        RETURNING m.status, m.error_code, m.business_id, m.to_address INTO final_status, final_error_code, business, recipient;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        DELETE FROM early_delivery_status e WHERE e.provider_sid = p_sid RETURNING e.status, e.error_code INTO early_status, early_error_code;
        IF FOUND AND COALESCE((p_ranks ->> early_status)::integer, 0) >= COALESCE((p_ranks ->> 'sent')::integer, 0) THEN
          UPDATE message m SET status = early_status, error_code = early_error_code WHERE m.id = p_id
          RETURNING m.status, m.error_code INTO final_status, final_error_code;
        END IF;
        RETURN NEXT;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION mark_message_sent(uuid, text, jsonb)`);
    await q.query(`DROP FUNCTION record_delivery_status(text, text, integer, jsonb)`);
    await q.query(`DROP TABLE early_delivery_status`);
  }
}
