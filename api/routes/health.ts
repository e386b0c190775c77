import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../core/runtime';
import type { BookingServices } from '../../booking';
import { HealthSchema } from '../schemas/health';

/**
 * Liveness for load balancers and `npm start` users: the database and Redis both answer. Anyone
 * can call it, so a failure names the dependency and nothing more; driver messages (hosts, user
 * names) go to the log only.
 */
export const healthRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; booking: BookingServices }> = async (
  app,
  { runtime, booking },
) => {
  const check = async <T>(
    dependency: 'database' | 'redis',
    probe: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> => {
    try {
      return { ok: true, value: await probe() };
    } catch (error) {
      runtime.log.warn({ err: error, dependency }, 'health check failed');
      return { ok: false };
    }
  };

  app.get('/health', { schema: HealthSchema }, async (_request, reply) => {
    const [database, redis] = await Promise.all([
      check('database', () => booking.catalogs.countBusinesses()),
      check('redis', () => runtime.redis.ping()),
    ]);
    if (database.ok && redis.ok)
      return reply.code(200).send({ status: 'ok', database: 'ok', redis: 'ok', businesses: database.value });
    const states = { database: database.ok ? 'ok' : 'unavailable', redis: redis.ok ? 'ok' : 'unavailable' } as const;
    const failing = Object.entries(states)
      .filter(([, state]) => state !== 'ok')
      .map(([name]) => name);
    return reply.code(503).send({ status: 'unavailable', ...states, reason: `${failing.join(' and ')} unavailable` });
  });
};
