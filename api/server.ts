import { loadConfig } from '../core/config';
import { MetricsReport } from '../core/metrics-report';
import { runMain, stopOnSignals } from '../core/process';
import { createRuntime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { buildApp } from './app';
import { closeGracefully } from './graceful-close';
import { createAppServices } from './services';

/**
 * The HTTP API alone, for when workers run as their own service (Fargate). It neither migrates
 * nor seeds: a deployment runs `npm run migrate` once before rolling out. The image's command for
 * the API service: `node dist/api/server.js`.
 */
runMain(async () => {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const app = await buildApp(runtime, createAppServices(runtime));
  await app.listen({ port: config.port, host: config.host });
  const report = new MetricsReport(runtime.log).start();
  stopOnSignals(
    runtime.log,
    async () => {
      // In-flight webhooks are answered first; new requests on kept-alive sockets get 503.
      await closeGracefully(app);
      await report.stop();
      await runtime.close();
    },
    config.shutdownTimeoutMs,
  );
});
