import type { JobSchedulerJson } from 'bullmq';
import { digestSettings, type DigestSetting } from '../../booking/repositories/notices';
import type { WorkerContext } from '../context';
import { type DigestJob, JOBS, jobIds } from '../queues';

/** Re-read every so often, so a new business or a changed digest time is picked up. */
export const DIGEST_SYNC_EVERY_MS = 10 * 60_000;

/**
 * A daily cron in the business's own zone: BullMQ's scheduler (cron-parser with `tz`) computes
 * each next run in local time, so "07:00" stays 07:00 on both sides of a DST change.
 */
export function digestRepeat(setting: Pick<DigestSetting, 'digestTime' | 'timezone'>): { pattern: string; tz: string } {
  const [hour, minute] = setting.digestTime.split(':').map(Number);
  return { pattern: `${minute} ${hour} * * *`, tz: setting.timezone };
}

/**
 * Makes the job schedulers match the businesses: one per business with owner phones, updated
 * only when its time or zone changed (an upsert would reschedule it), none for others. Only
 * schedulers this deployment made (their job data names it) are ever removed: whatever else is
 * under the prefix is not ours to judge. A business whose schedule cannot be set is logged and
 * skipped: the others still get theirs.
 */
export async function syncDigestSchedules(
  ctx: Pick<WorkerContext, 'sql' | 'queues' | 'log' | 'deploymentId'>,
): Promise<string> {
  const queue = ctx.queues.digest;
  const wanted = new Map((await digestSettings(ctx.sql)).map((s) => [jobIds.digestScheduler(s.businessId), s]));
  const existing = await queue.getJobSchedulers(0, -1);
  const ours = (scheduler: JobSchedulerJson<Partial<DigestJob>>) =>
    scheduler.template?.data?.deploymentId === ctx.deploymentId;
  let changed = 0;
  let failed = 0;
  for (const scheduler of existing) {
    if (ours(scheduler) && !wanted.has(scheduler.key)) {
      await queue.removeJobScheduler(scheduler.key);
      changed += 1;
    }
  }
  for (const [id, setting] of wanted) {
    const repeat = digestRepeat(setting);
    const current = existing.find((s) => s.key === id);
    if (current && ours(current) && current.pattern === repeat.pattern && current.tz === repeat.tz) continue;
    const data: DigestJob = { businessId: setting.businessId, deploymentId: ctx.deploymentId };
    try {
      await queue.upsertJobScheduler(id, repeat, { name: JOBS.digest, data });
      changed += 1;
    } catch (err) {
      failed += 1;
      ctx.log.error(
        { err, businessId: setting.businessId, digestTime: setting.digestTime, timezone: setting.timezone },
        "could not schedule this business's daily digest",
      );
    }
  }
  return `${wanted.size} digest schedule(s), ${changed} changed, ${failed} failed`;
}
