import type { Channel } from '../../db/entities/channel-endpoint';
import type { MessageDirection } from '../../db/entities/message';
import type { Sql } from '../sql';

/** One message in or out, with its delivery status, as the admin's conversation view shows it. */
export interface MessageLine {
  id: string;
  direction: MessageDirection;
  channel: Channel;
  purpose: string;
  body: string;
  status: string;
  errorCode: number | null;
  appointmentId: string | null;
  createdAt: Date;
}

const COLUMNS = `id, direction, channel, purpose, body, status, error_code AS "errorCode",
  appointment_id AS "appointmentId", created_at AS "createdAt"`;

/** A customer's latest messages, oldest first. */
export async function customerMessages(
  sql: Sql,
  businessId: string,
  customerId: string,
  limit: number,
): Promise<MessageLine[]> {
  return sql.rows<MessageLine>(
    `SELECT * FROM (
       SELECT ${COLUMNS} FROM message WHERE customer_id = $2 AND business_id = $1 ORDER BY created_at DESC, id DESC LIMIT $3
     ) latest ORDER BY "createdAt", id`,
    [businessId, customerId, limit],
  );
}

/** The notices and reminders sent about one appointment, oldest first. */
export async function appointmentMessages(sql: Sql, businessId: string, appointmentId: string): Promise<MessageLine[]> {
  return sql.rows<MessageLine>(
    `SELECT ${COLUMNS} FROM message WHERE appointment_id = $2 AND business_id = $1 ORDER BY created_at, id`,
    [businessId, appointmentId],
  );
}
