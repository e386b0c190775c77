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

const REDIS_START_WAIT_MS = 2_000;

function untilReady(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    redis.once('ready', onReady);
  });
}

export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? createLogger(config);
  const db = createDataSource(config, options.schema);
  const redis = createRedis(config, 'request');
  // Heard, so ioredis does not print every failed reconnect to stderr; the callers that needed
  // Redis log what it cost them (a rate limit allowed, a message kept on disk).
  redis.on('error', (err: Error) => log.debug({ err: err.message }, 'redis connection error'));
  // Both connect side by side. A request-path Redis client fails fast (no offline queue): serving
  // before it is connected would turn the first requests' Redis calls into errors. A Redis that
  // does not come within the bound is waited for no longer: the webhooks work without it.
  const redisReady = untilReady(redis, REDIS_START_WAIT_MS);
  let identity: { deployment: Deployment; redisPrefix: string };
  try {
    await db.initialize();
    identity = await prepareDatabase(db, config, options, log);
  } catch (error) {
    redis.disconnect();
    if (db.isInitialized) await db.destroy();
    throw error;
  }
  if (!(await redisReady))
    log.warn({ waitedMs: REDIS_START_WAIT_MS }, 'starting without Redis; it is still connecting');
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
