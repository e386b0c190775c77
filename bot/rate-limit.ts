import { type Redis, redisScript } from '../core/redis';

/** Counts one message in its window and returns the count; the window's key expires with it. */
const COUNT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`;

/**
 * A fixed-window count of inbound messages per business and phone. Past the limit the bot stops
 * answering (a runaway auto-responder or an abusive sender) but every message is still stored.
 * One script call per message: it is on every webhook's path.
 */
export class InboundRateLimiter {
  private readonly count: (key: string, windowSeconds: number) => Promise<number>;

  constructor(
    redis: Redis,
    private readonly options: { prefix: string; perWindow: number; windowSeconds: number },
  ) {
    this.count = redisScript(redis, 'countInboundMessage', COUNT);
  }

  async allow(businessId: string, phone: string, now: Date): Promise<boolean> {
    const window = Math.floor(now.getTime() / 1000 / this.options.windowSeconds);
    const key = `${this.options.prefix}:inbound:${businessId}:${phone}:${window}`;
    const count = await this.count(key, this.options.windowSeconds);
    return count <= this.options.perWindow;
  }
}
