import type { AdminUserRow } from '../../db/entities/admin-user';
import type { Sql } from '../sql';

const COLUMNS = `id, business_id AS "businessId", email, password_hash AS "passwordHash", role, created_at AS "createdAt"`;

export async function adminByEmail(sql: Sql, email: string): Promise<AdminUserRow | undefined> {
  const [row] = await sql.rows<AdminUserRow>(`SELECT ${COLUMNS} FROM admin_user WHERE email = $1`, [email]);
  return row;
}

export async function adminById(sql: Sql, id: string): Promise<AdminUserRow | undefined> {
  const [row] = await sql.rows<AdminUserRow>(`SELECT ${COLUMNS} FROM admin_user WHERE id = $1`, [id]);
  return row;
}

export async function replacePasswordHash(sql: Sql, id: string, passwordHash: string): Promise<void> {
  await sql.rows('UPDATE admin_user SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}
