import type { Job } from 'bullmq';
import { render } from '../../dialogs/replies/render';
import { addressOn, ownerEndpoint } from '../compose/recipients';
import { enqueueMessage } from '../compose/outbound';
import { noticeOf, visitVars } from '../compose/visit';
import type { WorkerContext } from '../context';
import type { OutboxJob } from '../queues';

/** Tells each of the business's owner phones, in the business's language (a request asks "ok/no"). */
export async function ownerNotice(ctx: WorkerContext, job: Job<OutboxJob>): Promise<string> {
  const { outboxId, businessId, appointmentId } = job.data;
  const notice = await noticeOf(ctx, job.data, 'owner');
  if (!notice) return 'nothing to tell';
  const { business } = notice.catalog;
  const endpoint = ownerEndpoint(notice.catalog);
  if (!endpoint) return 'no number to send from';
  const locale = business.defaultLocale;
  const body = render(notice.text, locale, visitVars(notice, locale), endpoint.channel);
  for (const phone of business.ownerPhones) {
    await enqueueMessage(ctx, {
      key: `owner-notice/${outboxId}/${phone}`,
      businessId,
      customerId: null,
      appointmentId,
      channel: endpoint.channel,
      purpose: 'owner_notice',
      from: endpoint.address,
      to: addressOn(endpoint.channel, phone),
      body,
    });
  }
  return `told ${business.ownerPhones.length} owner phone(s)`;
}
