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
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(runtime, createAppServices(runtime));
    const proxy: Handler = awsLambdaFastify(app);
    await app.ready();
    return { proxy, app, runtime };
  } catch (error) {
    // This attempt is abandoned: its pool and Redis client would otherwise stay open for good.
    await app?.close().catch(() => undefined);
    await runtime.close();
    throw error;
  }
}

/**
 * A failed start (the database down at a cold start) is not kept: the next invocation tries
 * again, instead of the container answering every request with the same old error.
 */
function start(): NonNullable<typeof ready> {
  const building = build();
  building.catch(() => {
    if (ready === building) ready = undefined;
  });
  return building;
}

export const handler: Handler = async (event, context) => {
  ready ??= start();
  return (await ready).proxy(event, context);
};

/** Closes the pool and Redis: on the SIGTERM Lambda sends before it freezes a container for good. */
export async function shutdown(): Promise<void> {
  const building = ready;
  ready = undefined;
  const built = await building?.catch(() => undefined);
  if (!built) return;
  const { app, runtime } = built;
  await app.close();
  await runtime.close();
}

process.once('SIGTERM', () => void shutdown());
