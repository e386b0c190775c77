import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../core/runtime';
import type { BookingServices } from '../booking';
import type { Bot } from '../bot';
import { adminRoutes } from './admin-routes';
import { createApp } from './create-app';
import { webhookRoutes } from './webhook-routes';

export interface AppServices {
  booking: BookingServices;
  bot: Bot;
}

/** The whole API, as the one box and the containers serve it. The process (listen, signals) belongs to server.ts/main.ts. */
export function buildApp(runtime: Runtime, services: AppServices): Promise<FastifyInstance> {
  return createApp(runtime, [webhookRoutes(services), adminRoutes(services.booking)]);
}
