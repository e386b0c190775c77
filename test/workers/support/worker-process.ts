import { loadConfig } from '../../../core/config';
import { createRuntime } from '../../../core/runtime';
import { bookingSchema } from '../../../booking/db/schema';
import { startWorkers } from '../../../workers/start';

/**
 * The workers in a process of their own, so a test can kill it (SIGKILL: no cleanup at all) and
 * start another. Configured by the environment like workers/main.ts; short locks so a dead
 * worker's jobs are taken over within seconds; the sending rate comes from SEND_RATE.
 */
async function main(): Promise<void> {
  const runtime = await createRuntime(loadConfig(), { schema: bookingSchema });
  const rate = Number(process.env.SEND_RATE);
  await startWorkers(runtime, {
    sendRate: () => rate,
    sendRetry: { attempts: 4, backoffMs: 200 },
    relay: { intervalMs: 50 },
    lockDurationMs: 1_000,
    stalledIntervalMs: 500,
    digests: false,
  });
  process.stdout.write('ready\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
