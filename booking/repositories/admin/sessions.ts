import type { Sql } from '../sql';

/**
 * Admin sessions. Rows are keyed by the SHA-256 of the session id (the caller hashes it), so
 * reading the table does not give anyone a session. A session lasts from its first save to
 * `expires_at`; saving it again (a CSRF secret added) keeps that end.
 */
export async function readSession(sql: Sql, idHash: string, now: Date): Promise<Record<string, unknown> | undefined> {
  const [row] = await sql.rows<{ data: Record<string, unknown> }>(
    'SELECT data FROM admin_session WHERE id = $1 AND expires_at > $2',
    [idHash, now],
  );
  return row?.data;
}

export async function saveSession(
  sql: Sql,
  s: { idHash: string; adminUserId: string | null; data: Record<string, unknown>; expiresAt: Date; now: Date },
): Promise<void> {
  await sql.rows(
    `WITH expired AS (DELETE FROM admin_session WHERE expires_at <= $5)
     INSERT INTO admin_session (id, admin_user_id, data, expires_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (id) DO UPDATE SET admin_user_id = EXCLUDED.admin_user_id, data = EXCLUDED.data`,
    [s.idHash, s.adminUserId, JSON.stringify(s.data), s.expiresAt, s.now],
  );
}

export async function deleteSession(sql: Sql, idHash: string): Promise<void> {
  await sql.rows('DELETE FROM admin_session WHERE id = $1', [idHash]);
}
