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

export async function createRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? createLogger(config);
  const db = createDataSource(config, options.schema);
  await db.initialize();
  const redis = createRedis(config, 'request');
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
