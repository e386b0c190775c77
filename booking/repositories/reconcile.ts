import type { Sql } from './sql';

/**
 * What the workers' reconciler reads to rebuild the queued work from Postgres, the source of
 * truth (workers/reconciler.ts). Unsent messages are in outbound-messages.ts.
 */

/** A visit whose reminders should be in the reminders queue. */
export interface VisitToRemind {
  businessId: string;
  id: string;
  version: number;
  startsAt: Date;
}

/**
 * Booked and confirmed visits ahead of `now` (pending requests get no reminder), those starting
 * before `until` when given: the reconciler's periodic pass looks only at the reminders falling
 * due soon, its full pass at all of them.
 */
export function visitsToRemind(sql: Sql, now: Date, until: Date | null): Promise<VisitToRemind[]> {
  return sql.rows<VisitToRemind>(
    `SELECT business_id AS "businessId", id, version, starts_at AS "startsAt" FROM appointment
      WHERE kind = 'visit' AND status IN ('booked', 'confirmed') AND starts_at > $1 AND ($2::timestamptz IS NULL OR starts_at < $2)
      ORDER BY starts_at`,
    [now, until],
  );
}

/**
 * Sends the outbox rows relayed since `since` through the relay again: when Redis lost its data,
 * their jobs may have gone with it before they ran. Every job an outbox row becomes derives its
 * effects' ids from the row, so one that did run changes nothing the second time. Returns how
 * many rows go round again.
 */
export async function relayAgainSince(sql: Sql, since: Date): Promise<number> {
  const rows = await sql.rows(`UPDATE outbox SET processed_at = NULL WHERE processed_at >= $1 RETURNING id`, [since]);
  return rows.length;
}
