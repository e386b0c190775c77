import type { DataSource } from 'typeorm';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { createDataSource, type Schema } from './db';
import { createLogger, type Logger } from './logger';
import { createRedis, type Redis } from './redis';

/** What every entry point builds once and passes down. */
export interface Runtime {
  config: Config;
  db: DataSource;
  redis: Redis;
  log: Logger;
  clock: Clock;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  schema: Schema;
  clock?: Clock;
  log?: Logger;
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
  // Both connect side by side. A request-path Redis client fails fast (no offline queue): serving
  // before it is connected would turn the first requests' Redis calls into errors. A Redis that
  // does not come within the bound is waited for no longer: the webhooks work without it.
  const redisReady = untilReady(redis, REDIS_START_WAIT_MS);
  try {
    await db.initialize();
  } catch (error) {
    redis.disconnect();
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
    clock: options.clock ?? systemClock,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([db.destroy(), redis.quit()]);
    },
  };
}
