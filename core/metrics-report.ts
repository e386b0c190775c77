import type { Counter, Histogram } from 'prom-client';
import type { Logger } from './logger';
import {
  bookingConflicts,
  inboundTurns,
  jobsFailed,
  lexCalls,
  lexFallbacks,
  outboundMessages,
  readQueues,
  reminderLateness,
} from './metrics';

/**
 * The alarms' numbers, as log lines. Nothing scrapes a Lambda function, and a CloudWatch metric
 * filter on a JSON log line costs nothing but the line, so each process logs
 * `{"msg":"metrics","metrics":{…}}` — counts since its last line, and the queues' levels where
 * workers run — and infra/ turns each field into a CloudWatch metric of the same name.
 */

/** A reminder accepted later than this after its due instant counts as late. */
export const LATE_REMINDER_SECONDS = 60;

async function total(counter: Counter<string>, only: Record<string, string> = {}): Promise<number> {
  const { values } = await counter.get();
  return values
    .filter((v) => Object.entries(only).every(([label, value]) => v.labels[label] === value))
    .reduce((sum, v) => sum + v.value, 0);
}

async function histogramCount(histogram: Histogram<string>, upTo?: number): Promise<number> {
  const metric = await histogram.get();
  const series = upTo === undefined ? `${metric.name}_count` : `${metric.name}_bucket`;
  return metric.values
    .filter((v) => v.metricName === series && (upTo === undefined || v.labels.le === upTo))
    .reduce((sum, v) => sum + v.value, 0);
}

/** Counts, reported as the change since the previous line. */
const COUNTS = {
  turns: () => total(inboundTurns),
  turnErrors: () => total(inboundTurns, { intent: 'Error' }),
  bookingConflicts: () => total(bookingConflicts),
  outboundFailed: () => total(outboundMessages, { status: 'failed' }),
  jobsFailed: () => total(jobsFailed),
  remindersSent: () => histogramCount(reminderLateness),
  remindersLate: async () =>
    (await histogramCount(reminderLateness)) - (await histogramCount(reminderLateness, LATE_REMINDER_SECONDS)),
  lexCalls: () => total(lexCalls),
  lexFallbacks: () => total(lexFallbacks),
} satisfies Record<string, () => Promise<number>>;

/** Levels, reported as they are, by a process that runs workers. */
const LEVELS = ['queueWaiting', 'queueOldestWaitingSeconds'] as const;

export type ReportedField = keyof typeof COUNTS | (typeof LEVELS)[number];
export const REPORTED_COUNTS = Object.keys(COUNTS) as (keyof typeof COUNTS)[];
export const REPORTED_LEVELS: readonly ReportedField[] = LEVELS;
export const METRICS_LOG_MESSAGE = 'metrics';

export class MetricsReport {
  private readonly last = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly log: Logger) {}

  /** Logs one line if anything counted since the last one or workers run here; never throws. */
  async flush(): Promise<void> {
    await this.report().catch((err) => this.log.warn({ err }, 'could not report metrics'));
  }

  private async report(): Promise<void> {
    const fields: Partial<Record<ReportedField, number>> = {};
    for (const name of REPORTED_COUNTS) {
      const now = await COUNTS[name]();
      const change = now - (this.last.get(name) ?? 0);
      this.last.set(name, now);
      if (change !== 0) fields[name] = change;
    }
    const queues = await readQueues();
    if (queues.length > 0) {
      fields.queueWaiting = queues.reduce((sum, q) => sum + q.counts.waiting, 0);
      fields.queueOldestWaitingSeconds = Math.max(...queues.map((q) => q.oldestWaitingSeconds));
    }
    if (Object.keys(fields).length > 0) this.log.info({ metrics: fields }, METRICS_LOG_MESSAGE);
  }

  /** A line every interval (a minute suits CloudWatch's one-minute periods); unref'd. */
  start(intervalMs = 60_000): this {
    this.timer ??= setInterval(() => void this.flush(), intervalMs).unref();
    return this;
  }

  /** Stops the timer and reports what is left, so a stopping process loses no count. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
