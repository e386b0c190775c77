import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import type { Locale } from '../../core/locale';
import { hashPassword, needsRehash, verifyPassword } from '../../core/password';
import { NotFound } from '../errors';
import { adminByEmail, adminById, replacePasswordHash } from '../repositories/admin/admin-users';
import { appendAudit } from '../repositories/audit-log';
import type { CatalogRepository } from '../repositories/catalog';
import { poolSql, type Sql } from '../repositories/sql';
import { localToday } from './local-days';

export interface SignedIn {
  userId: string;
  businessId: string;
  email: string;
  role: 'admin' | 'front_desk';
}

/** Who is signed in, and what the page needs to know of their business and of the time. */
export interface Me {
  email: string;
  role: 'admin' | 'front_desk';
  business: { id: string; name: string; timezone: string; locale: Locale; locales: Locale[] };
  /** The server's clock: the page counts from it, not from the device's. */
  now: Date;
  /** Today's date where the business is. */
  today: string;
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

  constructor(
    db: DataSource,
    private readonly catalogs: CatalogRepository,
    private readonly clock: Clock,
  ) {
    this.sql = poolSql(db);
  }

  async me(admin: Pick<SignedIn, 'userId' | 'businessId'>): Promise<Me> {
    const user = await adminById(this.sql, admin.userId);
    if (!user || user.businessId !== admin.businessId) throw new NotFound('admin', admin.userId);
    const { business } = await this.catalogs.byId(admin.businessId);
    const now = this.clock.now();
    return {
      email: user.email,
      role: user.role,
      business: {
        id: business.id,
        name: business.name,
        timezone: business.timezone,
        locale: business.defaultLocale,
        locales: business.locales,
      },
      now,
      today: localToday(business.timezone, now),
    };
  }

  async login(emailTyped: string, password: string, from: { ip: string }): Promise<SignedIn | null> {
    const email = emailTyped.trim().toLowerCase();
    const user = await adminByEmail(this.sql, email);
    const ok = await verifyPassword(password, user?.passwordHash || (await standInHash()));
    if (!user) {
      await appendAudit(this.sql, {
        businessId: null,
        actor: 'anonymous',
        action: 'admin.login_failed',
        target: null,
        extra: { ip: from.ip, emailSha256: createHash('sha256').update(email).digest('hex') },
      });
      return null;
    }
    await appendAudit(this.sql, {
      businessId: user.businessId,
      actor: ok ? { kind: 'admin', userId: user.id } : 'anonymous',
      action: ok ? 'admin.login' : 'admin.login_failed',
      target: `admin:${user.id}`,
      extra: { ip: from.ip },
    });
    if (!ok) return null;
    if (needsRehash(user.passwordHash)) await replacePasswordHash(this.sql, user.id, await hashPassword(password));
    return { userId: user.id, businessId: user.businessId, email: user.email, role: user.role };
  }

  async logout(user: Pick<SignedIn, 'userId' | 'businessId'>, from: { ip: string }): Promise<void> {
    await appendAudit(this.sql, {
      businessId: user.businessId,
      actor: { kind: 'admin', userId: user.userId },
      action: 'admin.logout',
      target: `admin:${user.userId}`,
      extra: { ip: from.ip },
    });
  }
}
