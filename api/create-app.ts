import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Runtime } from '../core/runtime';
import { errorHandler } from './plugins/error-handler';
import { carryRequestId, requestIdOptions } from './plugins/request-context';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { trustProxyOption } from './trust-proxy';

/** One part of the API (the webhooks, the admin side), registered on an app with its services. */
export type RouteGroup = (app: FastifyInstance, runtime: Runtime) => Promise<void>;

/**
 * The app's plugins, health and metrics, then the given route groups: the one box serves them
 * all (app.ts), each Lambda function only its own, so a webhook's cold start neither loads nor
 * compiles the admin side.
 */
export async function createApp(runtime: Runtime, groups: RouteGroup[]): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: runtime.log as FastifyBaseLogger,
    trustProxy: trustProxyOption(runtime.config.trustProxy),
    ...requestIdOptions,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(errorHandler);
  carryRequestId(app);
  await app.register(healthRoutes, { runtime });
  await app.register(metricsRoutes, { token: runtime.config.metricsToken });
  for (const group of groups) await group(app, runtime);
  return app;
}
