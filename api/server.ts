import { loadConfig } from '../core/config';
import { createRuntime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { buildApp } from './app';
import { createAppServices } from './services';

/**
 * The HTTP API alone, for when workers run as their own service (Fargate). It neither migrates
 * nor seeds: a deployment runs `npm run migrate` once before rolling out.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const app = await buildApp(runtime, createAppServices(runtime));
  await app.listen({ port: config.port, host: config.host });
  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
