import type { FastifyPluginAsync } from 'fastify';
import type { Runtime } from '../../core/runtime';

/** Liveness for load balancers and `npm start` users: the database and Redis both answer. */
export const healthRoutes: FastifyPluginAsync<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { status: { const: 'ok' }, database: { type: 'string' }, redis: { type: 'string' }, businesses: { type: 'integer' } },
            required: ['status', 'database', 'redis', 'businesses'],
          },
          503: { type: 'object', properties: { status: { const: 'unavailable' }, reason: { type: 'string' } }, required: ['status', 'reason'] },
        },
      },
    },
    async (_request, reply) => {
      try {
        const [{ count }] = await runtime.db.query('SELECT count(*)::int AS count FROM business');
        await runtime.redis.ping();
        return { status: 'ok' as const, database: 'ok', redis: 'ok', businesses: count };
      } catch (error) {
        runtime.log.warn({ err: error }, 'health check failed');
        return reply.code(503).send({ status: 'unavailable' as const, reason: (error as Error).message });
      }
    },
  );
};
