import { scrypt, timingSafeEqual } from 'node:crypto';

/**
 * argon2 is a native addon, loaded on first use: only what signs admins in loads it, and the
 * webhooks' Lambda bundle leaves it out (infra/lambda-bundle.ts).
 */
const argon2 = () => import('@node-rs/argon2');

/**
 * Admin passwords, hashed with argon2id (the library's default algorithm; its defaults, 19 MiB
 * and 2 passes, are OWASP's recommended minimum) in the PHC form `$argon2id$v=19$m=…`.
 *
 * Hashes made before argon2id (`scrypt$N$r$p$salt$hash`) still verify, and `needsRehash` tells
 * the caller to replace them once the password is known to be right (at login).
 */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password.normalize('NFKC'));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('scrypt$')) return verifyScrypt(password, stored);
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await (await argon2()).verify(stored, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith('$argon2id$');
}

function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, expected] = stored.split('$');
  const want = Buffer.from(expected ?? '', 'base64url');
  if (!salt || want.length === 0) return Promise.resolve(false);
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      Buffer.from(salt, 'base64url'),
      want.length,
      { N: Number(n), r: Number(r), p: Number(p) },
      (err, key) => (err ? reject(err) : resolve(timingSafeEqual(key, want))),
    ),
  );
}
