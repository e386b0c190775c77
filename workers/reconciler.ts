import type { Deployment } from '../core/deployment';
import { claimRedisPrefix, markerKey } from '../core/deployment';
import type { Redis } from '../core/redis';
import { unsentMessages } from '../booking/repositories/outbound-messages';
import { relayAgainSince, visitsToRemind } from '../booking/repositories/reconcile';
import { queueSend } from './compose/outbound';
import type { WorkerContext } from './context';
import { addReminderJobs } from './jobs/plan-reminders';

export interface ReconcilerOptions {
  /** Between two periodic passes. */
  everyMs: number;
  /** Between two looks at the deployment's marker key. */
  markerCheckMs: number;
}

export const DEFAULT_RECONCILER: ReconcilerOptions = { everyMs: 5 * 60_000, markerCheckMs: 5_000 };

const DAY_MS = 86_400_000;
/** Unsent messages handed back to the queue per pass, oldest first. */
const UNSENT_PER_PASS = 10_000;

export type PassKind = 'periodic' | 'full' | 'redis-lost';

export interface ReconcilerDeps {
  ctx: WorkerContext;
  /** A fail-fast connection: while Redis is away no pass starts, and stopping never waits on it. */
  redis: Redis;
  prefix: string;
  deployment: Deployment;
  /** Sets up the repeatable jobs (the daily digests) as start-up does; null when they are off. */
  scheduleRepeatables: (() => Promise<void>) | null;
  options: ReconcilerOptions;
}

/**
 * Postgres is the source of truth, Redis a cache of work: this puts back into Redis whatever
 * Postgres says should be there. A pass adds the reminder jobs of the visits ahead and the send
 * jobs of the messages queued and not sent, each under its deterministic job id, so a job that is
 * there already is left as it is and none is added twice; the sender's claim (queued → sending,
 * once) keeps a message from going twice.
 *
 * - At start-up, a full pass: every visit ahead.
 * - Every `everyMs`, the reminders falling due before the pass after next, and the unsent messages.
 * - When the deployment's marker key is gone (Redis restarted empty, was flushed, or failed over
 *   to an empty replica), at once: the marker is claimed again, the outbox rows relayed in the
 *   last day go through the relay again (their jobs may have been lost before they ran; each
 *   derives its effects' ids from its row), then a full pass, then the digests are scheduled again.
 */
export class Reconciler {
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** When the marker key was last found (by the workers' clock): Redis held its data then. */
  private lastSeenWhole: Date | null = null;

  constructor(private readonly deps: ReconcilerDeps) {}

  /** `redisWasEmpty`: the marker was missing when the workers started (Redis lost its data while none ran). */
  start(redisWasEmpty: boolean): void {
    this.running ??= this.loop(redisWasEmpty ? 'redis-lost' : 'full');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  /** One pass; returns what it put back. */
  async pass(kind: PassKind): Promise<{ relayedAgain: number; reminders: number; messages: number }> {
    const { ctx } = this.deps;
    const now = ctx.clock.now();
    let relayedAgain = 0;
    // Jobs that were to fire after Redis was last seen whole may have gone with its data.
    const lostSince = kind === 'redis-lost' ? (this.lastSeenWhole ?? undefined) : undefined;
    if (kind === 'redis-lost') {
      await claimRedisPrefix(this.deps.redis, this.deps.prefix, this.deps.deployment);
      relayedAgain = await relayAgainSince(ctx.sql, new Date(now.getTime() - DAY_MS));
    }
    const until = kind === 'periodic' ? new Date(now.getTime() + 2 * this.deps.options.everyMs) : null;
    let reminders = 0;
    for (const visit of await visitsToRemind(ctx.sql, now, until)) {
      const { settings } = (await ctx.catalogs.byId(visit.businessId)).business;
      reminders += await addReminderJobs(ctx, visit, settings.reminderOffsetsMinutes, lostSince);
    }
    const unsent = await unsentMessages(ctx.sql, ctx.claimStaleAfterMs, UNSENT_PER_PASS);
    for (const message of unsent) await queueSend(ctx, message);
    if (kind === 'redis-lost') await this.deps.scheduleRepeatables?.();
    return { relayedAgain, reminders, messages: unsent.length };
  }

  private async loop(first: PassKind): Promise<void> {
    let due: PassKind | null = first;
    let nextPeriodic = Date.now() + this.deps.options.everyMs;
    while (!this.stopped) {
      if (this.deps.redis.status === 'ready') {
        try {
          if (!due && !(await this.markerPresent())) due = 'redis-lost';
          if (!due && Date.now() >= nextPeriodic) due = 'periodic';
          if (due) {
            const kind = due;
            const put = await this.pass(kind);
            if (kind === 'redis-lost')
              this.deps.ctx.log.warn(
                put,
                'Redis had lost its data (its deployment marker was gone): rebuilt from Postgres',
              );
            else this.deps.ctx.log.info({ pass: kind, ...put }, 'reconciled the queues with Postgres');
            due = null;
            if (kind !== 'redis-lost') nextPeriodic = Date.now() + this.deps.options.everyMs;
          }
        } catch (error) {
          // Tried again at the next look; a pass redoes nothing twice.
          this.deps.ctx.log.warn({ err: (error as Error).message, pass: due }, 'reconciling the queues failed');
        }
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.deps.options.markerCheckMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async markerPresent(): Promise<boolean> {
    const seenAt = this.deps.ctx.clock.now();
    const present = (await this.deps.redis.exists(markerKey(this.deps.prefix))) === 1;
    if (present) this.lastSeenWhole = seenAt;
    return present;
  }
}
