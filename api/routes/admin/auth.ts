import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Runtime } from '../../../core/runtime';
import type { AdminAccounts } from '../../../booking/admin/accounts';
import { requireAdmin, SESSION_COOKIE, COOKIE_PATH, signedIn } from '../../plugins/admin-session';
import { loginLimits } from '../../plugins/login-limits';
import { LoginBody, Me } from '../../schemas/admin/auth';
import { AdminErrors } from '../../schemas/admin/primitives';

class WrongCredentials extends Error {
  readonly statusCode = 401;
  readonly code = 'WRONG_CREDENTIALS';
  constructor() {
    // The same words for an unknown address and a wrong password.
    super('That email and password do not match an account.');
  }
}

/** Signing in and out. A new session id on every login (no fixation); logout deletes the session. */
export const authRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; accounts: AdminAccounts }> = async (
  app,
  { runtime, accounts },
) => {
  const limits = await loginLimits(app, runtime.redis, runtime.redisPrefix);

  app.post('/login', { schema: { body: LoginBody, response: { ...AdminErrors, 200: Me } } }, async (request, reply) => {
    await limits.check(request);
    const admin = await accounts.login(request.body.email, request.body.password, { ip: request.ip });
    if (!admin) {
      await limits.failed(request);
      throw new WrongCredentials();
    }
    await request.session.regenerate();
    request.session.adminUserId = admin.userId;
    request.session.businessId = admin.businessId;
    return { ...(await accounts.me(admin)), csrfToken: reply.generateCsrf() };
  });

  app.get(
    '/me',
    { preHandler: requireAdmin(app), schema: { response: { ...AdminErrors, 200: Me } } },
    async (request, reply) => ({
      ...(await accounts.me(signedIn(request))),
      csrfToken: reply.generateCsrf(),
    }),
  );

  app.post(
    '/logout',
    { preHandler: requireAdmin(app), schema: { response: { ...AdminErrors, 204: Type.Null() } } },
    async (request, reply) => {
      await accounts.logout(signedIn(request), { ip: request.ip });
      await request.session.destroy();
      return reply.clearCookie(SESSION_COOKIE, { path: COOKIE_PATH }).code(204).send(null);
    },
  );
};
