import awsLambdaFastify, { type PromiseHandler } from '@fastify/aws-lambda';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../core/config';
import { createRuntime, type Runtime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { buildApp } from './app';
import { createAppServices } from './services';

/**
 * The API behind an HTTP API Gateway. The runtime (pool, Redis) is built once per container and
 * reused across invocations; replies are inline TwiML, so a turn is one invocation.
 */
type Handler = PromiseHandler<unknown>;
let ready: Promise<{ proxy: Handler; app: FastifyInstance; runtime: Runtime }> | undefined;

async function build() {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const app = await buildApp(runtime, createAppServices(runtime));
  const proxy: Handler = awsLambdaFastify(app);
  await app.ready();
  return { proxy, app, runtime };
}

export const handler: Handler = async (event, context) => {
  ready ??= build();
  return (await ready).proxy(event, context);
};

/** Closes the pool and Redis: on the SIGTERM Lambda sends before it freezes a container for good. */
export async function shutdown(): Promise<void> {
  if (!ready) return;
  const { app, runtime } = await ready;
  ready = undefined;
  await app.close();
  await runtime.close();
}

process.once('SIGTERM', () => void shutdown());
