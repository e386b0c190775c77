import IORedis, { type Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config';

export type { Redis };

/**
 * BullMQ workers need `maxRetriesPerRequest: null` (they block on Redis and must wait for it
 * to come back rather than fail); request-path clients fail fast instead, and send the commands
 * of one event-loop turn together (the webhook turns whose messages were stored together all
 * reach the rate limiter in the same turn).
 */
export function createRedis(
  config: Pick<Config, 'redisUrl' | 'redisPassword'>,
  purpose: 'request' | 'worker',
  extra: RedisOptions = {},
): Redis {
  return new IORedis(config.redisUrl, {
    maxRetriesPerRequest: purpose === 'worker' ? null : 1,
    enableOfflineQueue: purpose === 'worker',
    lazyConnect: false,
    enableAutoPipelining: purpose === 'request',
    // ElastiCache's AUTH token; with a `rediss://` URL ioredis speaks TLS.
    ...(config.redisPassword ? { password: config.redisPassword } : {}),
    ...extra,
  });
}

/**
 * A one-key Lua script as a function (ioredis `defineCommand`: EVALSHA, falling back to EVAL once
 * per connection). Defined once per client however many callers ask for it.
 */
export function redisScript(
  redis: Redis,
  name: string,
  lua: string,
): (key: string, ...args: (string | number)[]) => Promise<number> {
  if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 1, lua });
  const command = (redis as unknown as Record<string, (key: string, ...args: (string | number)[]) => Promise<number>>)[
    name
  ];
  return (key, ...args) => command.call(redis, key, ...args);
}
