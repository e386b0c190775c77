import { createServer, type Server, type ServerResponse } from 'node:http';
import { bearerMatches } from '../core/bearer-token';
import type { Config } from '../core/config';
import { enableProcessMetrics, registry } from '../core/metrics';

/**
 * The workers' process answers on PORT too: `/health` (liveness, no I/O: the image's HEALTHCHECK
 * and the container's check work whichever command the image runs) and `/metrics` for a scraper
 * with METRICS_TOKEN (not served without one). Nothing else; no load balancer points here.
 */
export async function startWorkersHttp(config: Pick<Config, 'port' | 'host' | 'metricsToken'>): Promise<Server> {
  const token = config.metricsToken;
  if (token) enableProcessMetrics();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') return send(res, 200, 'application/json', '{"status":"ok"}');
    if (req.method === 'GET' && path === '/metrics' && token) {
      if (!bearerMatches(req.headers.authorization, token))
        return send(res, 401, 'application/json', '{"error":"UNAUTHORIZED"}');
      registry.metrics().then(
        (text) => send(res, 200, registry.contentType, text),
        () => send(res, 500, 'application/json', '{"error":"INTERNAL"}'),
      );
      return;
    }
    send(res, 404, 'application/json', '{"error":"NOT_FOUND"}');
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return server;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
