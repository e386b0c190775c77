import { DelayedError, type Job } from 'bullmq';
import { type Redis, redisScript } from '../../core/redis';
import type { SendJob } from '../queues';

/**
 * Per-number pacing. BullMQ's own limiter is per queue (per-group limits are BullMQ Pro), so each
 * sending number keeps its next free instant in Redis; a job reserves the next slot atomically
 * and waits for it. Redis' clock is used so that workers on several machines agree.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local spacing = tonumber(ARGV[1])
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], slot + spacing, 'PX', slot + spacing - now + 60000)
return slot - now`;

/** A wait up to this long is slept in place; a longer one parks the job in the delayed set. */
const INLINE_WAIT_MS = 1_000;

export class SendSlots {
  private readonly reserveSlot: (key: string, spacingMs: number) => Promise<number>;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    this.reserveSlot = redisScript(redis, 'reserveSendSlot', RESERVE);
  }

  /** Milliseconds until this number's next free slot, which is now this caller's. */
  reserve(from: string, perSecond: number): Promise<number> {
    return this.reserveSlot(`${this.prefix}:send-slot:${from}`, Math.ceil(1000 / perSecond));
  }

  /**
   * Returns when the job may send. A job that must wait long is moved to the delayed set with
   * its slot noted, and DelayedError tells BullMQ it was not a failure; it comes back on time.
   */
  async waitForSlot(job: Job<SendJob>, token: string | undefined, perSecond: number): Promise<void> {
    if (!Number.isFinite(perSecond)) return;
    const held = job.data.slot;
    if (held && held.attempt === job.attemptsMade && Date.now() >= held.at) return;
    const wait = await this.reserve(job.data.from, perSecond);
    if (wait <= INLINE_WAIT_MS) {
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return;
    }
    const at = Date.now() + wait;
    await job.updateData({ ...job.data, slot: { at, attempt: job.attemptsMade } });
    await job.moveToDelayed(at, token);
    throw new DelayedError();
  }
}
