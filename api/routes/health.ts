import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Runtime } from '../../core/runtime';
import { pendingMigrations } from '../../booking/repositories/schema-migrations';
import { LivenessSchema, ReadinessSchema } from '../schemas/health';

type State = 'ok' | 'unavailable';

interface Readiness {
  status: 'ready' | 'degraded' | 'unavailable';
  database: State;
  migrations: 'current' | 'pending' | 'unknown';
  redis: State;
}

/** A probe answers from one check for this long, however many callers ask meanwhile. */
const READINESS_CACHE_MS = 1_500;

/**
 * Calls per client address (the peer's, or the one a trusted proxy names: TRUST_PROXY) in a
 * window, counted in this process so that no dependency decides: a load balancer probes every
 * few seconds, a monitor somewhat more; a flood gets 429 before it costs anyone anything.
 */
export const PROBE_LIMIT = { max: 300, timeWindow: 10_000 };

/**
 * `/health` is liveness: the process answers, with no I/O at all (a container's health check and
 * Docker's HEALTHCHECK). `/ready` is whether this instance should get traffic (the load balancer's
 * target check): Postgres answers and has every migration this code expects. Redis away only
 * degrades it, as the webhooks carry on without Redis. Anyone may call both, so answers name a
 * dependency and nothing more; driver messages go to the log. Both are rate-limited per caller.
 */
export const healthRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  await app.register(rateLimit, {
    ...PROBE_LIMIT,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests: try again in ${context.after}.`), {
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
      }),
  });
  let cached: { at: number; readiness: Promise<Readiness> } | null = null;
  const readiness = () => {
    const now = performance.now();
    if (!cached || now - cached.at > READINESS_CACHE_MS) cached = { at: now, readiness: checkReadiness(runtime) };
    return cached.readiness;
  };

  app.get('/health', { logLevel: 'warn', schema: LivenessSchema }, async () => ({ status: 'ok' as const }));

  app.get('/ready', { logLevel: 'warn', schema: ReadinessSchema }, async (_request, reply) => {
    const result = await readiness();
    return reply.code(result.status === 'unavailable' ? 503 : 200).send(result);
  });
};

async function checkReadiness(runtime: Runtime): Promise<Readiness> {
  const failed = (dependency: string) => (error: unknown) => {
    runtime.log.warn({ err: error, dependency }, 'readiness check failed');
    return null;
  };
  const [pending, pong] = await Promise.all([
    pendingMigrations(runtime.db).catch(failed('database')),
    runtime.redis.ping().catch(failed('redis')),
  ]);
  const database: State = pending ? 'ok' : 'unavailable';
  const migrations = pending ? (pending.length ? 'pending' : 'current') : 'unknown';
  const redis: State = pong ? 'ok' : 'unavailable';
  const status = migrations !== 'current' ? 'unavailable' : redis === 'ok' ? 'ready' : 'degraded';
  if (migrations === 'pending') runtime.log.warn({ pending }, 'not ready: migrations not applied');
  return { status, database, migrations, redis };
}
