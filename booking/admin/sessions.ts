import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import { deleteSession, readSession, saveSession } from '../repositories/admin/sessions';
import { poolSql, type Sql } from '../repositories/sql';

const HOUR = 3_600_000;

const hashOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

/**
 * Where admin sessions live: Postgres, so a restart, a second instance or a Redis wipe keeps
 * everyone signed in, and logout (or the end of `hours`, on the injected clock) really ends one.
 */
export class AdminSessions {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly clock: Clock,
    private readonly hours: number,
  ) {
    this.sql = poolSql(db);
  }

  async read(sessionId: string): Promise<Record<string, unknown> | null> {
    return (await readSession(this.sql, hashOf(sessionId), this.clock.now())) ?? null;
  }

  async save(sessionId: string, data: Record<string, unknown>): Promise<void> {
    const now = this.clock.now();
    await saveSession(this.sql, {
      idHash: hashOf(sessionId),
      adminUserId: typeof data.adminUserId === 'string' ? data.adminUserId : null,
      data,
      expiresAt: new Date(now.getTime() + this.hours * HOUR),
      now,
    });
  }

  destroy(sessionId: string): Promise<void> {
    return deleteSession(this.sql, hashOf(sessionId));
  }
}
