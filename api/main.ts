import { loadConfig } from '../core/config';
import type { Logger } from '../core/logger';
import { createLogger } from '../core/logger';
import { MetricsReport } from '../core/metrics-report';
import { runMain, stopOnSignals } from '../core/process';
import { createRuntime, type Runtime } from '../core/runtime';
import type { BookingServices } from '../booking';
import { ensureDatabase } from '../booking/db/ensure-database';
import { bookingSchema } from '../booking/db/schema';
import { DEMO_ADMIN_PASSWORD, DEMO_BUSINESS_FILES, seedBusinessFile } from '../booking/businesses/seed';
import { startWorkers } from '../workers/start';
import { buildApp } from './app';
import { closeGracefully } from './graceful-close';
import { createAppServices } from './services';

/**
 * One box: create the database if needed, migrate, load the demo businesses into an empty
 * database (development), then serve the API and run the workers in this one process.
 * `npm start` runs this.
 */
runMain(async () => {
  const config = loadConfig();
  const log = createLogger(config);
  if (await ensureDatabase(config.databaseUrl)) log.info('created the database');
  const runtime = await createRuntime(config, { schema: bookingSchema, log, migrate: true });
  const services = createAppServices(runtime);
  await seedDemoWhenEmpty(runtime, services.booking, log);

  const app = await buildApp(runtime, services);
  await app.listen({ port: config.port, host: config.host });
  const workers = await startWorkers(runtime);
  const report = new MetricsReport(log).start();
  stopOnSignals(
    log,
    async () => {
      await closeGracefully(app);
      await workers.close();
      await report.stop();
      await runtime.close();
    },
    config.shutdownTimeoutMs,
  );
});

async function seedDemoWhenEmpty(runtime: Runtime, booking: BookingServices, log: Logger): Promise<void> {
  if (!runtime.config.seedDemo || (await booking.catalogs.countBusinesses()) > 0) return;
  for (const file of DEMO_BUSINESS_FILES) {
    const result = await seedBusinessFile(runtime.db, file, {
      production: runtime.config.isProduction,
      env: process.env,
    });
    log.info({ business: result.slug }, 'loaded demo business');
    for (const email of result.demoAdmins) {
      // Printed on purpose, development only: production refuses the demo password.
      console.log(`demo admin login for ${result.slug}: ${email} / ${DEMO_ADMIN_PASSWORD}`);
    }
  }
}
