import { loadConfig } from '../core/config';
import { runMain, stopOnSignals } from '../core/process';
import { createRuntime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { buildApp } from './app';
import { createAppServices } from './services';

/**
 * The HTTP API alone, for when workers run as their own service (Fargate). It neither migrates
 * nor seeds: a deployment runs `npm run migrate` once before rolling out.
 */
runMain(async () => {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const app = await buildApp(runtime, createAppServices(runtime));
  await app.listen({ port: config.port, host: config.host });
  stopOnSignals(runtime.log, async () => {
    await app.close();
    await runtime.close();
  });
});
