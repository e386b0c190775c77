import type { FastifyPluginAsync } from 'fastify';
import { bearerMatches } from '../../core/bearer-token';
import { enableProcessMetrics, registry } from '../../core/metrics';

/**
 * `/metrics` in Prometheus' text format, for a scraper holding the token (`METRICS_TOKEN`, sent as
 * `Authorization: Bearer …`). Without a token configured the route does not exist: the public
 * webhook host shows nothing. In the one-box process this registry holds the workers' metrics too.
 */
export const metricsRoutes: FastifyPluginAsync<{ token?: string }> = async (app, { token }) => {
  if (!token) return;
  enableProcessMetrics();
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'UNAUTHORIZED' });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
};
