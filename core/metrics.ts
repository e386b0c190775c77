import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric the app keeps, in one registry per process, as named objects the code
 * that sees the event increments. `/metrics` (api/routes/metrics.ts, workers/metrics-server.ts)
 * serves this registry; core/metrics-report.ts turns a few of them into log lines CloudWatch
 * counts (the alarms in infra/). Labels are bounded sets (channels, intents, statuses, Twilio
 * error codes, queue names, locales): never a phone, a business or a message id.
 */
export const registry = new Registry();

const SECONDS_FOR_A_TURN = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const inboundTurns = new Counter({
  name: 'textbook_inbound_turns_total',
  help: 'Inbound customer messages answered, by channel and what the turn was (intent, keyword, limit)',
  labelNames: ['channel', 'intent'] as const,
  registers: [registry],
});

export const turnDuration = new Histogram({
  name: 'textbook_turn_duration_seconds',
  help: 'From the stored inbound message to the saved reply, by channel',
  labelNames: ['channel'] as const,
  buckets: SECONDS_FOR_A_TURN,
  registers: [registry],
});

export const bookingConflicts = new Counter({
  name: 'textbook_booking_conflicts_total',
  help: 'Bookings and moves the exclusion constraint refused (SQLSTATE 23P01): the time was just taken',
  labelNames: ['operation'] as const,
  registers: [registry],
});

export const outboundMessages = new Counter({
  name: 'textbook_outbound_messages_total',
  help: 'Outbound send attempts by outcome (sent, retry, failed, skipped) and Twilio error code ("" when none)',
  labelNames: ['status', 'error_code'] as const,
  registers: [registry],
});

export const jobsFailed = new Counter({
  name: 'textbook_jobs_failed_total',
  help: 'Jobs that failed for good (retries exhausted or an unrecoverable error), by queue',
  labelNames: ['queue'] as const,
  registers: [registry],
});

export const reminderLateness = new Histogram({
  name: 'textbook_reminder_lateness_seconds',
  help: 'How long after its due instant a reminder was accepted by Twilio',
  buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900],
  registers: [registry],
});

export const lexCalls = new Counter({
  name: 'textbook_lex_calls_total',
  help: 'RecognizeText calls to Lex V2, by locale and result (ok, error: no answer after the retries)',
  labelNames: ['locale', 'result'] as const,
  registers: [registry],
});

export const lexFallbacks = new Counter({
  name: 'textbook_lex_fallbacks_total',
  help: 'Turns sent to Lex that the local engine answered instead, by locale and why (low_confidence, timeout…)',
  labelNames: ['locale', 'reason'] as const,
  registers: [registry],
});

export const lexLatency = new Histogram({
  name: 'textbook_lex_latency_seconds',
  help: 'RecognizeText round trip, by locale',
  labelNames: ['locale'] as const,
  buckets: [0.025, 0.05, 0.1, 0.2, 0.35, 0.5, 1, 2, 5],
  registers: [registry],
});

/** One queue's counts as a queue-watching process reads them. */
export interface QueueSnapshot {
  queue: string;
  counts: Record<'waiting' | 'active' | 'delayed' | 'failed', number>;
  /** Age of the oldest job waiting to be taken, 0 when none waits. */
  oldestWaitingSeconds: number;
}

type QueueSource = () => Promise<QueueSnapshot[]>;
const queueSources = new Set<QueueSource>();
let lastQueues: Promise<QueueSnapshot[]> | null = null;

/**
 * The queues as the workers running in this process see them (none in an API-only process); read
 * when scraped or reported. Concurrent readers (both gauges of one scrape) share one read.
 */
export function readQueues(): Promise<QueueSnapshot[]> {
  lastQueues ??= Promise.all([...queueSources].map((read) => read().catch(() => []))).then((all) => {
    lastQueues = null;
    return all.flat();
  });
  return lastQueues;
}

export const queueJobs = new Gauge({
  name: 'textbook_queue_jobs',
  help: 'Jobs in each queue by state (waiting, active, delayed, failed)',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const q of await readQueues()) {
      for (const [state, count] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, count);
    }
  },
});

export const queueOldestWaiting = new Gauge({
  name: 'textbook_queue_oldest_waiting_seconds',
  help: 'Age of the oldest job waiting in each queue',
  labelNames: ['queue'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    for (const q of await readQueues()) this.set({ queue: q.queue }, q.oldestWaitingSeconds);
  },
});

/** Makes a process's queues part of the gauges; the returned function takes them out again. */
export function watchQueues(source: QueueSource): () => void {
  queueSources.add(source);
  return () => queueSources.delete(source);
}

let processMetrics = false;

/** Node's own metrics (heap, event loop lag, GC), only in processes that serve `/metrics`. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry, prefix: 'textbook_' });
}
