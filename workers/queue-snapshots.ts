import type { Queue } from 'bullmq';
import type { QueueSnapshot } from '../core/metrics';
import type { Queues } from './queue-set';

/**
 * What the queue gauges and the metrics line report. A job's wait is counted from the moment it
 * became due (its creation plus its delay), so a reminder prepared a minute ahead does not look a
 * minute old when it is promoted; a retried job counts from its first due moment.
 */
async function snapshot(queue: Queue, now: number): Promise<QueueSnapshot> {
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
  // The oldest of each list (the range applies per list).
  const oldest = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
  const dueAt = Math.min(now, ...oldest.map((job) => job.timestamp + (job.opts.delay ?? 0)));
  return {
    queue: queue.name,
    counts: {
      waiting: counts.waiting + counts.prioritized,
      active: counts.active,
      delayed: counts.delayed,
      failed: counts.failed,
    },
    oldestWaitingSeconds: Math.max(0, now - dueAt) / 1000,
  };
}

export function queueSnapshots(queues: Queues): Promise<QueueSnapshot[]> {
  const now = Date.now();
  return Promise.all(Object.values(queues).map((q) => snapshot(q, now)));
}
