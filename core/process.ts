import { ConfigError } from './config';
import type { Logger } from './logger';

/**
 * What every entry point does with its process: report a failed start (a bad setting by its
 * message, which names the variable; anything else with its stack) and stop once, cleanly, on
 * SIGINT or SIGTERM.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}

/**
 * On the first SIGINT or SIGTERM: finish the work in hand (`close`: answer the requests in flight,
 * let jobs finish, close the connections) and exit 0. Within a bound: a close still running after
 * `timeoutMs` (a hung request, a job that will not end) exits 1 anyway, before the orchestrator's
 * own SIGKILL, and BullMQ gives a job cut off that way to another worker once its lock expires.
 */
export function stopOnSignals(log: Logger, close: () => Promise<void>, timeoutMs: number): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, timeoutMs }, 'shutting down: finishing the work in hand');
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown took too long; exiting with work unfinished');
      process.exit(1);
    }, timeoutMs);
    try {
      await close();
      clearTimeout(timer);
      log.info('shut down cleanly');
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
