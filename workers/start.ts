import { type Job, type Processor, Worker } from 'bullmq';
import { claimRedisPrefix, markerKey } from '../core/deployment';
import { jobsFailed, watchQueues } from '../core/metrics';
import { createRedis } from '../core/redis';
import { runWithRequestId } from '../core/request-context';
import type { Runtime } from '../core/runtime';
import { createBookingServices } from '../booking';
import type { WorkerContext } from './context';
import { customerNotice } from './jobs/customer-notice';
import { sendDigest } from './jobs/digest';
import { DIGEST_SYNC_EVERY_MS, syncDigestSchedules } from './jobs/digest-schedules';
import { fireReminder } from './jobs/fire-reminder';
import { composeOutbound } from './jobs/outbound-message';
import { OutboxRelay } from './jobs/outbox-relay';
import { DEFAULT_RECONCILER, Reconciler, type ReconcilerOptions } from './reconciler';
import { ownerNotice } from './jobs/owner-notice';
import { planReminders } from './jobs/plan-reminders';
import { sendMessage } from './jobs/send-message';
import { closeQueues, createQueues, type RetryPolicy } from './queue-set';
import { queueSnapshots } from './queue-snapshots';
import { JOBS, jobIds, QUEUES, type QueueKey } from './queues';
import { createTransport } from './senders/create-transport';
import { defaultSendRate } from './senders/send-rates';
import { SendSlots } from './senders/send-slots';
import type { Transport } from './senders/transport';

export interface WorkerOptions {
  /** Defaults to Twilio when credentials are configured, else the offline printer. */
  transport?: Transport;
  /** Messages per second per sending number; defaults from Twilio's documented per-sender limits (workers/senders/send-rates.ts). */
  sendRate?: (from: string) => number;
  sendRetry?: RetryPolicy;
  reminderLeadMs?: number;
  relay?: { intervalMs?: number; batchSize?: number };
  concurrency?: Partial<Record<QueueKey, number>>;
  /** How long a job's lock lasts without renewal: a dead worker's jobs are retried after it. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Keep the owners' daily digests scheduled (default true). */
  digests?: boolean;
  /** How often the queues are reconciled with Postgres and the marker looked at (workers/reconciler.ts). */
  reconcile?: Partial<ReconcilerOptions>;
}

export interface RunningWorkers {
  close(): Promise<void>;
}

const CONCURRENCY: Record<QueueKey, number> = { notices: 10, reminders: 50, outbound: 50, digest: 2 };

type Handler = (ctx: WorkerContext, job: Job, token?: string) => Promise<unknown>;

/**
 * Claims the Redis prefix for this deployment (refusing, with both databases named, when another
 * one holds it; while Redis is away this waits for it), then starts the outbox relay and one
 * BullMQ worker per queue. `close()` stops taking work, lets the jobs in hand finish, then closes
 * the queues and the connections it opened.
 */
export async function startWorkers(runtime: Runtime, options: WorkerOptions = {}): Promise<RunningWorkers> {
  const { config, log } = runtime;
  // Workers block on Redis and must wait for it to come back; the relay's producer connection
  // fails fast instead, so its Postgres transaction rolls back rather than hangs.
  const workerRedis = createRedis(config, 'worker');
  const relayRedis = createRedis(config, 'request');
  const onRedisError = (err: Error) => log.debug({ err: err.message }, 'redis connection error');
  for (const r of [workerRedis, relayRedis]) r.on('error', onRedisError);
  const prefix = runtime.redisPrefix;
  let redisWasEmpty: boolean;
  try {
    redisWasEmpty = (await workerRedis.exists(markerKey(prefix))) === 0;
    await claimRedisPrefix(workerRedis, prefix, runtime.deployment);
  } catch (error) {
    await Promise.allSettled([workerRedis.quit(), relayRedis.quit()]);
    throw error;
  }
  const queues = createQueues(workerRedis, { prefix, sendRetry: options.sendRetry, onError: onRedisError });
  const lockDuration = options.lockDurationMs ?? 30_000;
  const booking = createBookingServices(runtime.db, runtime.clock);
  const ctx: WorkerContext = {
    sql: booking.sql,
    catalogs: booking.catalogs,
    queues,
    clock: runtime.clock,
    log,
    transport: options.transport ?? createTransport(config),
    slots: new SendSlots(workerRedis, prefix),
    sendRate: options.sendRate ?? defaultSendRate,
    reminderLeadMs: options.reminderLeadMs ?? 60_000,
    claimStaleAfterMs: lockDuration,
    deploymentId: runtime.deployment.id,
  };

  const handlers: Record<QueueKey, Record<string, Handler>> = {
    notices: {
      [JOBS.ownerNotice]: ownerNotice,
      [JOBS.customerNotice]: customerNotice,
      [JOBS.outboundMessage]: composeOutbound,
    },
    reminders: { [JOBS.planReminders]: planReminders, [JOBS.fireReminder]: fireReminder },
    outbound: { [JOBS.send]: sendMessage },
    digest: { [JOBS.digest]: sendDigest, [JOBS.digestSync]: (c) => syncDigestSchedules(c) },
  };
  const workers = (Object.keys(handlers) as QueueKey[]).map((key) => {
    const processor: Processor = (job, token) => {
      const handle = handlers[key][job.name];
      if (!handle) throw new Error(`no handler for job "${job.name}" on queue ${key}`);
      return runWithRequestId((job.data as { requestId?: string } | undefined)?.requestId, async () => {
        const result = await handle(ctx, job, token);
        log.debug({ queue: key, job: job.name, id: job.id, result }, 'job done');
        return result;
      });
    };
    const worker = new Worker(QUEUES[key], processor, {
      connection: workerRedis,
      prefix,
      concurrency: options.concurrency?.[key] ?? CONCURRENCY[key],
      lockDuration,
      stalledInterval: options.stalledIntervalMs ?? lockDuration,
      // A send that stalls (its worker died) is retried; a few times, not forever.
      maxStalledCount: 3,
    });
    worker.on('failed', (job, err) => {
      log.warn({ queue: key, job: job?.id, requestId: job?.data?.requestId, err: err.message }, 'job failed');
      // finishedOn is set only when no retry follows.
      if (!job || job.finishedOn) jobsFailed.inc({ queue: key });
    });
    worker.on('error', (err) => log.warn({ queue: key, err: err.message }, 'worker error'));
    return worker;
  });

  const relay = new OutboxRelay({
    db: runtime.db,
    redis: relayRedis,
    prefix,
    log,
    options: { intervalMs: options.relay?.intervalMs ?? 200, batchSize: options.relay?.batchSize ?? 500 },
  });
  relay.start();
  const unwatchQueues = watchQueues(() => queueSnapshots(queues));

  const scheduleDigests = async () => {
    // The periodic sync is scheduled even when this first one fails: it is what retries.
    await syncDigestSchedules(ctx).catch((err) => log.error({ err }, 'could not sync the daily digests'));
    await queues.digest.upsertJobScheduler(
      jobIds.digestSync(),
      { every: DIGEST_SYNC_EVERY_MS },
      { name: JOBS.digestSync },
    );
  };
  // In the background: with Redis away at start-up this waits for it, and nothing else should.
  const scheduling =
    options.digests === false
      ? Promise.resolve()
      : scheduleDigests().catch((err) => log.error({ err }, 'could not schedule the daily digests'));

  const reconciler = new Reconciler({
    ctx,
    redis: relayRedis,
    prefix,
    deployment: runtime.deployment,
    scheduleRepeatables: options.digests === false ? null : scheduleDigests,
    options: { ...DEFAULT_RECONCILER, ...options.reconcile },
  });
  reconciler.start(redisWasEmpty);

  let closing: Promise<void> | null = null;
  return {
    close() {
      closing ??= (async () => {
        unwatchQueues();
        await reconciler.stop();
        await relay.stop();
        await scheduling;
        await Promise.allSettled(workers.map((w) => w.close()));
        await closeQueues(queues);
        await Promise.allSettled([workerRedis.quit(), relayRedis.quit()]);
      })();
      return closing;
    },
  };
}
