import awsLambdaFastify, { type PromiseHandler } from '@fastify/aws-lambda';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../core/config';
import { withSecrets } from '../core/config-secrets';
import { MetricsReport } from '../core/metrics-report';
import { createRuntime, type Runtime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { createApp, type RouteGroup } from './create-app';

/**
 * A Lambda function serving some of the API's route groups behind an HTTP API Gateway, deployed
 * as one esbuild bundle (infra/lambda-bundle.ts). The runtime (pool, Redis) is built once per
 * container and reused across invocations.
 */
type Handler = PromiseHandler<unknown>;
interface Built {
  proxy: Handler;
  app: FastifyInstance;
  runtime: Runtime;
  report: MetricsReport;
}

export interface LambdaEntry {
  handler: Handler;
  /** Closes the pool and Redis: on the SIGTERM Lambda sends before it freezes a container for good. */
  shutdown(): Promise<void>;
}

export function lambdaEntry(groups: (runtime: Runtime) => RouteGroup[]): LambdaEntry {
  async function build(): Promise<Built> {
    const config = loadConfig(await withSecrets(process.env));
    const runtime = await createRuntime(config, { schema: bookingSchema });
    let app: FastifyInstance | undefined;
    try {
      app = await createApp(runtime, groups(runtime));
      const proxy: Handler = awsLambdaFastify(app);
      await app.ready();
      return { proxy, app, runtime, report: new MetricsReport(runtime.log) };
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
  function start(): Promise<Built> {
    const building = build();
    building.catch(() => {
      if (ready === building) ready = undefined;
    });
    return building;
  }

  // Begun as the module loads, in Lambda's init phase: the secrets are read and the connections
  // opened while the runtime finishes starting, and the first request waits for them to be ready
  // instead of failing on a connection still opening.
  let ready: Promise<Built> | undefined = start();

  async function shutdown(): Promise<void> {
    const building = ready;
    ready = undefined;
    const built = await building?.catch(() => undefined);
    if (!built) return;
    await built.app.close();
    await built.runtime.close();
  }
  process.once('SIGTERM', () => void shutdown());

  return {
    async handler(event, context) {
      ready ??= start();
      const built = await ready;
      try {
        return await built.proxy(event, context);
      } finally {
        // A frozen container runs no timers: this invocation's counts are logged before it returns.
        await built.report.flush();
      }
    },
    shutdown,
  };
}
