import type { DataSource } from 'typeorm';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { createDataSource, type Schema } from './db';
import { type Deployment, defaultRedisPrefix, deploymentOf } from './deployment';
import { createLogger, type Logger } from './logger';
import { createRedis, type Redis } from './redis';

/** What every entry point builds once and passes down. */
export interface Runtime {
  config: Config;
  db: DataSource;
  redis: Redis;
  log: Logger;
  clock: Clock;
  /** The database's deployment: whose work this process does. */
  deployment: Deployment;
  /** Every Redis key of this deployment starts with it: REDIS_PREFIX, else derived from the deployment. */
  redisPrefix: string;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  schema: Schema;
  clock?: Clock;
  log?: Logger;
  /** Apply pending migrations first (the one-box start); others expect a migrated database. */
  migrate?: boolean;
}

export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? createLogger(config);
  const db = createDataSource(config, options.schema);
  await db.initialize();
  let identity: { deployment: Deployment; redisPrefix: string };
  try {
    identity = await prepareDatabase(db, config, options, log);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const redis = createRedis(config, 'request');
  let closed = false;
  return {
    config,
    db,
    redis,
    log,
    ...identity,
    clock: options.clock ?? systemClock,
    async close() {
      if (closed) return;
      closed = true;
      // QUIT cannot be sent on a fail-fast connection that is still connecting: drop it instead.
      await Promise.allSettled([db.destroy(), redis.quit().catch(() => redis.disconnect())]);
    },
  };
}

/** Migrations when asked, then which deployment the database belongs to and its Redis prefix. */
async function prepareDatabase(
  db: DataSource,
  config: Config,
  options: RuntimeOptions,
  log: Logger,
): Promise<{ deployment: Deployment; redisPrefix: string }> {
  if (options.migrate) {
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
  }
  const record = await options.schema.deployment(db);
  if (record.copiedFrom) {
    log.warn(
      { database: record.databaseName, copiedFrom: record.copiedFrom },
      'this database is a copy of another: it got a deployment id (and a default Redis prefix) of its own',
    );
  }
  return {
    deployment: deploymentOf(record, config.databaseUrl),
    redisPrefix: config.redisPrefix ?? defaultRedisPrefix(record),
  };
}
