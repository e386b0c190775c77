import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../core/logger';
import { registry } from '../../core/metrics';
import type { Redis } from '../../core/redis';
import { type PendingOutbox, relayPendingOutbox } from '../../booking/repositories/outbox-relay';
import { closeQueues, createQueues, type Queues } from '../queue-set';
import { checkOutboxPayload, type Topic } from '../../booking/outbox-topics';
import { jobIds, type OutboundJob, type OutboxJob, type QueueKey, TOPIC_ROUTES } from '../queues';

export interface RelayOptions {
  /** Pause between polls when the outbox is empty. */
  intervalMs: number;
  batchSize: number;
}

/** Rows the relay could not hand on since the process started (`/metrics` reads it). */
export const outboxRelayErrors = { unknownTopic: 0, invalidPayload: 0 };

new Gauge({
  name: 'textbook_outbox_rows_set_aside',
  help: 'Outbox rows the relay marked done without a job since the process started (unknown topic, invalid payload)',
  labelNames: ['reason'] as const,
  registers: [registry],
  collect() {
    this.set({ reason: 'unknown_topic' }, outboxRelayErrors.unknownTopic);
    this.set({ reason: 'invalid_payload' }, outboxRelayErrors.invalidPayload);
  },
});

/** What the relay adds: the row's id, business and topic with its checked payload, and the request id. */
type RelayedJob = (OutboxJob | OutboundJob) & { topic: Topic; requestId?: string };

const MAX_BACKOFF_MS = 2_000;
/** Bounds how long a batch's transaction can wait on Redis. */
const ADD_TIMEOUT_MS = 10_000;

export interface RelayDeps {
  db: DataSource;
  /** A fail-fast connection (no offline queue): while Redis is away, adding fails at once. */
  redis: Redis;
  prefix: string;
  log: Logger;
  options: RelayOptions;
}

/**
 * Moves outbox rows to BullMQ. Short polling on the partial index of pending rows rather than
 * LISTEN/NOTIFY: it needs no extra connection held outside the pool, no trigger, and no catch-up
 * path for notifications lost while disconnected; an empty poll is one index lookup, and the
 * interval bounds the added latency.
 *
 * Each batch is claimed, added and marked in one transaction. If adding fails (Redis down), the
 * transaction rolls back and the rows wait; if the process dies after adding but before the
 * commit, the rows are added again under the same job ids, which BullMQ ignores.
 *
 * While Redis is away no batch is even claimed. Its producer queues are made afresh after a
 * failure: a BullMQ queue whose first connection check failed stays failed for good.
 */
export class OutboxRelay {
  private running: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private queues: Queues | null = null;

  constructor(private readonly deps: RelayDeps) {}

  start(): void {
    this.running ??= this.loop();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    if (this.queues) await closeQueues(this.queues);
  }

  /** One batch; returns how many rows it moved. */
  relayOnce(): Promise<number> {
    this.queues ??= createQueues(this.deps.redis, { prefix: this.deps.prefix, onError: () => {} });
    const queues = this.queues;
    return relayPendingOutbox(this.deps.db, this.deps.options.batchSize, async (rows) => {
      const byQueue = new Map<QueueKey, { name: string; data: RelayedJob; opts: { jobId: string } }[]>();
      for (const row of rows) {
        const data = this.checked(row);
        if (!data) continue;
        const route = TOPIC_ROUTES[data.topic];
        const jobs = byQueue.get(route.queue) ?? [];
        jobs.push({ name: route.job, data, opts: { jobId: jobIds.outbox(row.id) } });
        byQueue.set(route.queue, jobs);
      }
      await withTimeout(Promise.all([...byQueue].map(([queue, jobs]) => queues[queue].addBulk(jobs))), ADD_TIMEOUT_MS);
    });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      let moved = 0;
      if (this.deps.redis.status !== 'ready') {
        // Connecting, or Redis is away: claim nothing, look again shortly (the connection logs why).
        failures += 1;
      } else {
        try {
          moved = await this.relayOnce();
          failures = 0;
        } catch (error) {
          failures += 1;
          this.deps.log.warn({ err: (error as Error).message, failures }, 'outbox relay failed; rows stay pending');
          this.dropQueues();
        }
      }
      if (moved < this.deps.options.batchSize || failures > 0) {
        const pause = failures
          ? Math.min(MAX_BACKOFF_MS, this.deps.options.intervalMs * 2 ** failures)
          : this.deps.options.intervalMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /**
   * The job a row becomes, or null for a row no worker can act on: its topic unknown or its payload
   * not what the topic says. Such a row is logged (by id, topic and which fields are wrong, never
   * their values), counted, and marked done with the batch, so it never holds up the rows after it.
   */
  private checked(row: PendingOutbox): RelayedJob | null {
    // The request id the writer added (booking/repositories/outbox.ts) is not part of the topic's
    // payload: it goes on with the job, which its workers run under.
    const { requestId, ...payload } = row.payload as Record<string, unknown>;
    const check = checkOutboxPayload(row.topic, payload);
    if (check.ok)
      return {
        outboxId: row.id,
        businessId: row.businessId,
        topic: check.topic,
        ...check.payload,
        ...(typeof requestId === 'string' ? { requestId } : {}),
      };
    if (check.reason === 'unknown topic') outboxRelayErrors.unknownTopic += 1;
    else outboxRelayErrors.invalidPayload += 1;
    this.deps.log.error(
      { outboxId: row.id, topic: row.topic, problems: check.problems },
      `outbox row skipped (${check.reason}); marked done`,
    );
    return null;
  }

  private dropQueues(): void {
    const broken = this.queues;
    this.queues = null;
    // Not awaited: closing a queue whose connection check never finished can wait on it.
    if (broken) void closeQueues(broken);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
