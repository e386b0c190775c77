import type { Job } from 'bullmq';
import { enqueueForOwners } from '../compose/owners';
import { noticeOf, visitVars } from '../compose/visit';
import type { WorkerContext } from '../context';
import type { OutboxJob } from '../queues';

/** Tells each of the business's owner phones, in the business's language (a request asks "ok/no"). */
export async function ownerNotice(ctx: WorkerContext, job: Job<OutboxJob>): Promise<string> {
  const { outboxId, appointmentId } = job.data;
  const notice = await noticeOf(ctx, job.data, 'owner');
  if (!notice) return 'nothing to tell';
  const locale = notice.catalog.business.defaultLocale;
  const text = { id: notice.text, locale, vars: visitVars(notice, locale) };
  const told = await enqueueForOwners(ctx, notice.catalog, {
    text,
    key: `owner-notice/${outboxId}`,
    purpose: 'owner_notice',
    appointmentId,
  });
  return told ? `told ${told} owner phone(s)` : 'no number to send from';
}
