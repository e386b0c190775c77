import { ConfigError, loadConfig } from '../core/config';
import { createRuntime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { startWorkers } from './start';

/**
 * `npm run worker`: the workers alone, for running them as their own service. The API process
 * (`npm start`) migrates the database; this one expects it migrated.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const workers = await startWorkers(runtime);
  runtime.log.info({ sending: config.twilio.canSend ? 'twilio' : 'offline' }, 'workers started');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.log.info({ signal }, 'shutting down: finishing the jobs in hand');
    await workers.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  // A bad setting is the operator's to fix and its message names it; anything else gets its stack.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
