import helmet from '@fastify/helmet';
import type { FastifyPluginAsync } from 'fastify';
import type { Runtime } from '../../../core/runtime';
import type { AdminServices } from '../../../booking/admin';
import { AdminSessions } from '../../../booking/admin/sessions';
import { registerAdminSession, requireAdmin } from '../../plugins/admin-session';
import { appointmentRoutes } from './appointments';
import { authRoutes } from './auth';
import { blockRoutes } from './blocks';
import { catalogRoutes } from './catalog';
import { customerRoutes } from './customers';
import { reportRoutes } from './reports';

/**
 * `/api/admin`: JSON for the admin page, in a scope of its own (cookies, sessions, CSRF and the
 * login limits exist only here). Everything but signing in needs a session, and every query
 * takes the business from that session, never from the request.
 */
export const adminApi: FastifyPluginAsync<{ runtime: Runtime; admin: AdminServices }> = async (
  app,
  { runtime, admin },
) => {
  const { config } = runtime;
  await app.register(helmet, { contentSecurityPolicy: false });
  await registerAdminSession(app, config, new AdminSessions(runtime.db, runtime.clock, config.admin.sessionHours));
  await app.register(authRoutes, { runtime, accounts: admin.accounts });
  await app.register(async (scope) => {
    scope.addHook('preHandler', requireAdmin(scope));
    await scope.register(appointmentRoutes, { admin });
    await scope.register(blockRoutes, { admin });
    await scope.register(customerRoutes, { admin });
    await scope.register(catalogRoutes, { admin });
    await scope.register(reportRoutes, { admin, publicBaseUrl: config.publicBaseUrl });
  });
};
