import type { Sql } from '../sql';

export interface FeedToken {
  token: string;
  staffId: string | null;
}

export interface FeedOwner {
  businessId: string;
  staffId: string | null;
}

/** The business's feed tokens (null staff: the whole business). */
export async function feedTokens(sql: Sql, businessId: string): Promise<FeedToken[]> {
  return sql.rows<FeedToken>('SELECT token, staff_id AS "staffId" FROM calendar_feed WHERE business_id = $1', [
    businessId,
  ]);
}

/** Sets the feed's token, replacing the one before: the old address stops working. */
export async function putFeedToken(sql: Sql, businessId: string, staffId: string | null, token: string): Promise<void> {
  await sql.rows(
    `INSERT INTO calendar_feed (business_id, staff_id, token) VALUES ($1, $2, $3)
     ON CONFLICT (business_id, staff_id) DO UPDATE SET token = EXCLUDED.token, created_at = now()`,
    [businessId, staffId, token],
  );
}

/** Adds the feed's token only when it has none yet. */
export async function ensureFeedToken(
  sql: Sql,
  businessId: string,
  staffId: string | null,
  token: string,
): Promise<void> {
  await sql.rows(
    'INSERT INTO calendar_feed (business_id, staff_id, token) VALUES ($1, $2, $3) ON CONFLICT (business_id, staff_id) DO NOTHING',
    [businessId, staffId, token],
  );
}

export async function feedOwner(sql: Sql, token: string): Promise<FeedOwner | undefined> {
  const [row] = await sql.rows<FeedOwner>(
    'SELECT business_id AS "businessId", staff_id AS "staffId" FROM calendar_feed WHERE token = $1',
    [token],
  );
  return row;
}
