import type { Redis } from '../core/redis';

/**
 * A fixed-window count of inbound messages per business and phone. Past the limit the bot stops
 * answering (a runaway auto-responder or an abusive sender) but every message is still stored.
 */
export class InboundRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; perWindow: number; windowSeconds: number },
  ) {}

  async allow(businessId: string, phone: string, now: Date): Promise<boolean> {
    const window = Math.floor(now.getTime() / 1000 / this.options.windowSeconds);
    const key = `${this.options.prefix}:inbound:${businessId}:${phone}:${window}`;
    const result = await this.redis.multi().incr(key).expire(key, this.options.windowSeconds, 'NX').exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    return count <= this.options.perWindow;
  }
}
