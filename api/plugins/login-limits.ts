import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from '../../core/redis';

const WINDOW_MS = 15 * 60_000;
/** Attempts from one address in a window, whatever the account. */
const PER_IP = 20;
/** Failed attempts on one account (known or not) in a window. */
const PER_ACCOUNT = 5;

class TooManyAttempts extends Error {
  readonly statusCode = 429;
  readonly code = 'TOO_MANY_ATTEMPTS';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`);
  }
}

/** For a route whose body has `email`: the account is the address typed. */
export interface LoginLimits {
  /** Refuses (429) when this client address or this account has used up its attempts. */
  check(request: FastifyRequest): Promise<void>;
  /** Counts a failed attempt against the account. */
  failed(request: FastifyRequest): Promise<void>;
}

/**
 * Sign-in limits per client address and per account, kept in Redis (@fastify/rate-limit's store)
 * so every instance counts together. The account key is a hash of the address typed, so an
 * unknown address is limited exactly like a real one and the answer tells nothing. With Redis
 * away the limits are skipped rather than locking everyone out.
 */
export async function loginLimits(app: FastifyInstance, redis: Redis, prefix: string): Promise<LoginLimits> {
  await app.register(rateLimit, { global: false, redis, nameSpace: `${prefix}:admin-login:`, skipOnError: true });
  const accountKey = (r: FastifyRequest) => {
    const email = (r.body as { email: string }).email.trim().toLowerCase();
    return `account:${createHash('sha256').update(email).digest('hex')}`;
  };
  const perIp = app.createRateLimit({ max: PER_IP, timeWindow: WINDOW_MS, keyGenerator: (r) => `ip:${r.ip}` });
  const perAccount = app.createRateLimit({ max: PER_ACCOUNT, timeWindow: WINDOW_MS, keyGenerator: accountKey });
  return {
    async check(request) {
      const ip = await perIp(request);
      if (!ip.isAllowed && ip.isExceeded) throw new TooManyAttempts(ip.ttlInSeconds);
      // Read without counting: only failures count against an account.
      const account = await perAccount(request, { increment: false });
      if (!account.isAllowed && account.remaining === 0) throw new TooManyAttempts(account.ttlInSeconds);
    },
    async failed(request) {
      await perAccount(request);
    },
  };
}
