import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Runtime } from '../core/runtime';
import type { BookingServices } from '../booking';
import type { Bot } from '../bot';
import { errorHandler } from './plugins/error-handler';
import { carryRequestId, requestIdOptions } from './plugins/request-context';
import { adminApi } from './routes/admin';
import { adminPageRoutes } from './routes/admin-page';
import { calendarFeedRoutes } from './routes/calendar-feed';
import { trustProxyOption } from './trust-proxy';
import { healthRoutes } from './routes/health';
import { metricsRoutes } from './routes/metrics';
import { twilioRoutes } from './routes/twilio';

export interface AppServices {
  booking: BookingServices;
  bot: Bot;
}

/** Wiring only: plugins, then routes. The process (listen, signals) belongs to server.ts/main.ts. */
export async function buildApp(runtime: Runtime, services: AppServices): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: runtime.log as FastifyBaseLogger,
    trustProxy: trustProxyOption(runtime.config.trustProxy),
    ...requestIdOptions,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(errorHandler);
  carryRequestId(app);
  await app.register(healthRoutes, { runtime });
  await app.register(metricsRoutes, { token: runtime.config.metricsToken });
  await app.register(twilioRoutes, { runtime, booking: services.booking, bot: services.bot });
  await app.register(adminApi, { prefix: '/api/admin', runtime, admin: services.booking.admin });
  await app.register(adminPageRoutes, { publicBaseUrl: runtime.config.publicBaseUrl });
  await app.register(calendarFeedRoutes, { feeds: services.booking.admin.feeds, clock: runtime.clock });
  return app;
}
