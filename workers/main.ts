import { loadConfig } from '../core/config';
import { MetricsReport } from '../core/metrics-report';
import { runMain, stopOnSignals } from '../core/process';
import { createRuntime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { startWorkersHttp } from './http-server';
import { startWorkers } from './start';

/**
 * `npm run worker`, and the image's command for the workers service (`node dist/workers/main.js`):
 * the workers alone. It expects a migrated database (the API's one-box process or the deploy's
 * migration step migrates). Answers `/health` (and `/metrics`) on PORT.
 */
runMain(async () => {
  const config = loadConfig();
  const runtime = await createRuntime(config, { schema: bookingSchema });
  const workers = await startWorkers(runtime);
  const http = await startWorkersHttp(config);
  const report = new MetricsReport(runtime.log).start();
  runtime.log.info({ sending: config.twilio.canSend ? 'twilio' : 'offline', port: config.port }, 'workers started');
  stopOnSignals(
    runtime.log,
    async () => {
      // Jobs in hand finish; the queues' lists keep the rest for the next worker.
      await workers.close();
      await report.stop();
      await new Promise((resolve) => {
        http.close(resolve);
        http.closeIdleConnections();
      });
      await runtime.close();
    },
    config.shutdownTimeoutMs,
  );
});
