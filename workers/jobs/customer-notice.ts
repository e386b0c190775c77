import type { Job } from 'bullmq';
import { render } from '../../dialogs/replies/render';
import { routeToCustomer } from '../compose/recipients';
import { enqueueMessage } from '../compose/outbound';
import { noticeOf, visitVars } from '../compose/visit';
import type { WorkerContext } from '../context';
import type { OutboxJob } from '../queues';

/** Tells the customer what the owner or an admin changed (the outbox only asks when they did). */
export async function customerNotice(ctx: WorkerContext, job: Job<OutboxJob>): Promise<string> {
  const { outboxId, businessId, appointmentId } = job.data;
  const notice = await noticeOf(ctx, job.data, 'customer');
  if (!notice) return 'nothing to tell';
  const locale = notice.visit.locale ?? notice.catalog.business.defaultLocale;
  const vars = visitVars(notice, locale);
  const route = routeToCustomer(notice.catalog, notice.visit, { id: notice.text, locale, vars }, ctx.clock.now());
  if (!route) return 'no way to reach the customer';
  await enqueueMessage(ctx, {
    key: `customer-notice/${outboxId}`,
    businessId,
    customerId: notice.visit.customerId,
    appointmentId,
    purpose: 'customer_notice',
    body: render(notice.text, locale, vars, route.channel),
    ...route,
  });
  return route.skipCode ? `skipped (${route.skipCode})` : 'queued';
}
