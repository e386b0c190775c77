import { ensureDatabase } from '../core/db';
import { type Config, loadConfig } from '../core/config';
import { createLogger, type Logger } from '../core/logger';
import { createRuntime, type Runtime } from '../core/runtime';
import { bookingSchema } from '../booking/db/schema';
import { DEMO_BUSINESS_FILES, seedBusinessFile } from '../booking/businesses/seed';
import { startWorkers } from '../workers/start';
import { buildApp } from './app';
import { createAppServices } from './services';

/**
 * One box: create the database if needed, migrate, load the demo businesses into an empty
 * database (development), then serve the API and run the workers in this one process.
 * `npm start` runs this.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const log = createLogger(config);
  if (await ensureDatabase(config.databaseUrl)) log.info('created the database');
  const runtime = await createRuntime(config, { schema: bookingSchema, log });
  const applied = await runtime.db.runMigrations({ transaction: 'each' });
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  await seedDemoWhenEmpty(runtime, log);

  const app = await buildApp(runtime, createAppServices(runtime));
  await app.listen({ port: config.port, host: config.host });
  const workers = await startWorkers(runtime);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app.close();
    await workers.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function seedDemoWhenEmpty(runtime: Runtime, log: Logger): Promise<void> {
  if (!runtime.config.seedDemo) return;
  const [{ count }] = await runtime.db.query('SELECT count(*)::int AS count FROM business');
  if (count > 0) return;
  for (const file of DEMO_BUSINESS_FILES) {
    const result = await seedBusinessFile(runtime.db, file, { production: runtime.config.isProduction, env: process.env });
    log.info({ business: result.slug }, 'loaded demo business');
    for (const email of result.demoAdmins) {
      // Printed on purpose, development only: production refuses the demo password.
      console.log(`demo admin login for ${result.slug}: ${email} / textbook-demo`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
