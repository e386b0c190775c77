import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import session, { type SessionStore } from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest, Session } from 'fastify';
import type { Config } from '../../core/config';
import type { AdminActor } from '../../booking/admin/front-desk';
import type { AdminSessions } from '../../booking/admin/sessions';

declare module 'fastify' {
  interface Session {
    adminUserId?: string;
    businessId?: string;
  }
}

export const SESSION_COOKIE = 'textbook_admin';
export const COOKIE_PATH = '/api/admin';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** @fastify/session's store interface over the Postgres sessions (callbacks in, promises out). */
function postgresStore(sessions: AdminSessions): SessionStore {
  return {
    get(id, callback) {
      sessions.read(id).then(
        (data) => callback(null, data as Session | null),
        (err) => callback(err),
      );
    },
    set(id, value, callback) {
      // The cookie's settings come from the options on every request; only what the app put in is kept.
      const { cookie: _cookie, ...data } = value as Session & Record<string, unknown>;
      sessions.save(id, data).then(() => callback(), callback);
    },
    destroy(id, callback) {
      sessions.destroy(id).then(() => callback(), callback);
    },
  };
}

/**
 * Cookies, server-side sessions and CSRF tokens for the admin API's own scope. The cookie is
 * httpOnly, SameSite=Lax, Secure when the public URL is https, and sent only to /api/admin; it
 * names a session row in Postgres and carries nothing else. A session is saved only once someone
 * has signed in; it is not extended by use (`rolling: false`): it ends `sessionHours` after login.
 */
export async function registerAdminSession(
  app: FastifyInstance,
  config: Pick<Config, 'admin' | 'publicBaseUrl'>,
  sessions: AdminSessions,
): Promise<void> {
  await app.register(cookie);
  await app.register(session, {
    secret: config.admin.sessionSecret,
    cookieName: SESSION_COOKIE,
    cookie: {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: config.publicBaseUrl.startsWith('https:'),
      maxAge: config.admin.sessionHours * 3_600_000,
    },
    store: postgresStore(sessions),
    saveUninitialized: false,
    rolling: false,
  });
  // The token travels only in a header: a form on another site can set neither it nor the JSON body.
  await app.register(csrf, {
    sessionPlugin: '@fastify/session',
    getToken: (req) => req.headers['x-csrf-token'] as string,
  });
}

class Unauthenticated extends Error {
  readonly statusCode = 401;
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super('Sign in first: there is no session, or it ended.');
  }
}

/** The admin of this request's session; a request without one is refused with 401. */
export function signedIn(request: FastifyRequest): AdminActor {
  const { adminUserId, businessId } = request.session;
  if (!adminUserId || !businessId) throw new Unauthenticated();
  return { userId: adminUserId, businessId };
}

/**
 * For a scope whose every route needs a signed-in admin: 401 without a session, then 403 for a
 * changing request without the session's CSRF token in `x-csrf-token`.
 */
export function requireAdmin(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    try {
      signedIn(request);
    } catch (error) {
      done(error as Error);
      return;
    }
    if (SAFE_METHODS.has(request.method)) done();
    else app.csrfProtection(request, reply, done);
  };
}
