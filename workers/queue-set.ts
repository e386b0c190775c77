import { type BulkJobOptions, type DefaultJobOptions, type JobsOptions, Queue } from 'bullmq';
import type { Redis } from '../core/redis';
import { withRequestId } from '../core/request-context';
import { QUEUES, type QueueKey } from './queues';

export type Queues = Record<QueueKey, Queue>;

export interface RetryPolicy {
  attempts: number;
  /** First retry delay; each next one doubles. */
  backoffMs: number;
}

/** Twilio 429s and 5xx pass in seconds to minutes: 3 s doubling over 8 attempts spans ~13 min. */
const DEFAULT_SEND_RETRY: RetryPolicy = { attempts: 8, backoffMs: 3_000 };
const DEFAULT_STEP_RETRY: RetryPolicy = { attempts: 5, backoffMs: 2_000 };

const DAY_SECONDS = 86_400;

function jobOptions(retry: RetryPolicy): DefaultJobOptions {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    // Finished jobs are bounded. Completed ones are kept a day: while a job id is present a second
    // add of it is a no-op, which is what makes a relay rerun after a crash harmless.
    removeOnComplete: { age: DAY_SECONDS, count: 100_000 },
    removeOnFail: { age: 14 * DAY_SECONDS },
  };
}

/**
 * A queue whose jobs carry the request id they were added under (core/request-context.ts): a job
 * added while another job runs inherits that job's id, so reminders and sends still name the
 * webhook that caused them.
 */
class TracedQueue extends Queue {
  override add(name: string, data: object, opts?: JobsOptions) {
    return super.add(name, withRequestId(data), opts);
  }

  override addBulk(jobs: { name: string; data: object; opts?: BulkJobOptions }[]) {
    return super.addBulk(jobs.map((job) => ({ ...job, data: withRequestId(job.data) })));
  }
}

export interface QueueSetOptions {
  prefix: string;
  sendRetry?: RetryPolicy;
  /** Connection trouble is reported here (BullMQ prints it to the console when nobody listens). */
  onError(error: Error): void;
}

/** The four queues over one connection, with their job defaults. */
export function createQueues(
  connection: Redis,
  { prefix, sendRetry = DEFAULT_SEND_RETRY, onError }: QueueSetOptions,
): Queues {
  const make = (key: QueueKey, retry: RetryPolicy) => {
    const queue = new TracedQueue(QUEUES[key], { connection, prefix, defaultJobOptions: jobOptions(retry) });
    queue.on('error', onError);
    return queue;
  };
  return {
    notices: make('notices', DEFAULT_STEP_RETRY),
    reminders: make('reminders', DEFAULT_STEP_RETRY),
    outbound: make('outbound', sendRetry),
    digest: make('digest', DEFAULT_STEP_RETRY),
  };
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.allSettled(Object.values(queues).map((q) => q.close()));
}
