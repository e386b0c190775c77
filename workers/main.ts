import { loadConfig } from '../core/config';
import { runMain, stopOnSignals } from '../core/process';
import { createRuntime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { startWorkers } from './start';

/**
 * `npm run worker`: the workers alone, for running them as their own service. The API process
 * (`npm start`) migrates the database; this one expects it migrated.
 */
runMain(async () => {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const workers = await startWorkers(runtime);
  runtime.log.info({ sending: config.twilio.canSend ? 'twilio' : 'offline' }, 'workers started');
  stopOnSignals(runtime.log, async () => {
    await workers.close();
    await runtime.close();
  });
});
