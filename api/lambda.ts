import awsLambdaFastify, { type PromiseHandler } from '@fastify/aws-lambda';
import { loadConfig } from '../core/config';
import { createRuntime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { buildApp } from './app';
import { createAppServices } from './services';

/**
 * The API behind an HTTP API Gateway. The runtime (pool, Redis) is built once per container and
 * reused across invocations; replies are inline TwiML, so a turn is one invocation.
 */
type Handler = PromiseHandler<unknown>;
let ready: Promise<Handler> | undefined;

async function build(): Promise<Handler> {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const app = await buildApp(runtime, createAppServices(runtime));
  const proxy: Handler = awsLambdaFastify(app);
  await app.ready();
  return proxy;
}

export const handler: Handler = async (event, context) => {
  ready ??= build();
  return (await ready)(event, context);
};
