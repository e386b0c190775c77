import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword, needsRehash, verifyPassword } from '../../core/password';
import { adminByEmail, replacePasswordHash } from '../repositories/admin/admin-users';
import { appendAudit } from '../repositories/audit-log';
import { poolSql, type Sql } from '../repositories/sql';

export interface SignedIn {
  userId: string;
  businessId: string;
  email: string;
  role: 'admin' | 'front_desk';
}

/** Checked against when the address is unknown, so an unknown address takes as long as a wrong password. */
let standIn: Promise<string> | undefined;
const standInHash = () => (standIn ??= hashPassword('no account has this password'));

/**
 * Signing in and out. An unknown address and a wrong password get the same answer (null) after
 * the same work; every attempt is audit-logged: under the admin's business when the address is
 * an admin's, else with no business and only a hash of the address.
 */
export class AdminAccounts {
  private readonly sql: Sql;

  constructor(db: DataSource) {
    this.sql = poolSql(db);
  }

  async login(emailTyped: string, password: string, from: { ip: string }): Promise<SignedIn | null> {
    const email = emailTyped.trim().toLowerCase();
    const user = await adminByEmail(this.sql, email);
    const ok = await verifyPassword(password, user?.passwordHash || (await standInHash()));
    if (!user) {
      await appendAudit(this.sql, [
        {
          businessId: null,
          actor: 'anonymous',
          action: 'admin.login_failed',
          target: null,
          details: { ip: from.ip, emailSha256: createHash('sha256').update(email).digest('hex') },
        },
      ]);
      return null;
    }
    await appendAudit(this.sql, [
      {
        businessId: user.businessId,
        actor: ok ? `admin:${user.id}` : 'anonymous',
        action: ok ? 'admin.login' : 'admin.login_failed',
        target: `admin:${user.id}`,
        details: { ip: from.ip },
      },
    ]);
    if (!ok) return null;
    if (needsRehash(user.passwordHash)) await replacePasswordHash(this.sql, user.id, await hashPassword(password));
    return { userId: user.id, businessId: user.businessId, email: user.email, role: user.role };
  }

  async logout(user: Pick<SignedIn, 'userId' | 'businessId'>, from: { ip: string }): Promise<void> {
    await appendAudit(this.sql, [
      {
        businessId: user.businessId,
        actor: `admin:${user.userId}`,
        action: 'admin.logout',
        target: `admin:${user.userId}`,
        details: { ip: from.ip },
      },
    ]);
  }
}
