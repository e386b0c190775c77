import type { FastifyPluginAsync } from 'fastify';
import type { Runtime } from '../../core/runtime';

const dependencyState = { type: 'string', enum: ['ok', 'unavailable'] } as const;

/**
 * Liveness for load balancers and `npm start` users: the database and Redis both answer. Anyone
 * can call it, so a failure names the dependency and nothing more; driver messages (hosts, user
 * names) go to the log only.
 */
export const healthRoutes: FastifyPluginAsync<{ runtime: Runtime }> = async (app, { runtime }) => {
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

  app.get(
    '/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              status: { const: 'ok' },
              database: { const: 'ok' },
              redis: { const: 'ok' },
              businesses: { type: 'integer' },
            },
            required: ['status', 'database', 'redis', 'businesses'],
          },
          503: {
            type: 'object',
            properties: {
              status: { const: 'unavailable' },
              database: dependencyState,
              redis: dependencyState,
              reason: { type: 'string' },
            },
            required: ['status', 'database', 'redis', 'reason'],
          },
        },
      },
    },
    async (_request, reply) => {
      const [database, redis] = await Promise.all([
        check(
          'database',
          async () => (await runtime.db.query('SELECT count(*)::int AS count FROM business'))[0].count as number,
        ),
        check('redis', () => runtime.redis.ping()),
      ]);
      if (database.ok && redis.ok)
        return { status: 'ok' as const, database: 'ok', redis: 'ok', businesses: database.value };
      const states = { database: database.ok ? 'ok' : 'unavailable', redis: redis.ok ? 'ok' : 'unavailable' } as const;
      const failing = Object.entries(states)
        .filter(([, state]) => state !== 'ok')
        .map(([name]) => name);
      return reply
        .code(503)
        .send({ status: 'unavailable' as const, ...states, reason: `${failing.join(' and ')} unavailable` });
    },
  );
};
