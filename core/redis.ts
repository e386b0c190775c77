import IORedis, { type Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config';

export type { Redis };

/**
 * BullMQ workers need `maxRetriesPerRequest: null` (they block on Redis and must wait for it
 * to come back rather than fail); request-path clients fail fast instead.
 */
export function createRedis(config: Pick<Config, 'redisUrl'>, purpose: 'request' | 'worker', extra: RedisOptions = {}): Redis {
  return new IORedis(config.redisUrl, {
    maxRetriesPerRequest: purpose === 'worker' ? null : 1,
    enableOfflineQueue: purpose === 'worker',
    lazyConnect: false,
    ...extra,
  });
}
