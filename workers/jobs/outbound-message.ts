import type { Job } from 'bullmq';
import { reachFor } from '../../booking/outbound';
import type { OutboundPayload } from '../../booking/outbox-topics';
import { enqueueMessage } from '../compose/outbound';
import { addressOn, type Route, underWhatsappWindow } from '../compose/recipients';
import type { WorkerContext } from '../context';
import type { OutboundJob, Template } from '../queues';
import { TWILIO_ERRORS } from '../senders/transport';

/**
 * Turns a general outbound message (booking/outbound.ts) into a message row and a send job, from
 * the business's own number on the chosen channel. A recipient who opted out meanwhile gets no
 * message: it is recorded as skipped (21610), as the sender would; WhatsApp's window rules are
 * those of every notice (compose/recipients.ts).
 */
export async function composeOutbound(ctx: WorkerContext, job: Job<OutboundJob>): Promise<string> {
  const { outboxId, businessId, recipient, text, template, origin, appointmentId } = job.data;
  const { endpoints } = await ctx.catalogs.byId(businessId);
  const reach = await reachFor(ctx.sql, businessId, endpoints, recipient);
  if (!reach.ok) {
    ctx.log.warn({ outboxId, businessId, problem: reach.problem }, 'outbound message not composed');
    return `not sent: ${reach.problem}`;
  }
  const { recipient: person, endpoint } = reach;
  const base: Route = {
    channel: endpoint.channel,
    from: endpoint.address,
    to: addressOn(endpoint.channel, person.phone),
  };
  const contentTemplate = template && toTemplate(template);
  const route: Route = person.optedOutAt
    ? { ...base, skipCode: TWILIO_ERRORS.optedOut }
    : endpoint.channel === 'whatsapp'
      ? underWhatsappWindow(base, person.whatsappInboundAt, contentTemplate, ctx.clock.now(), text !== undefined)
      : base;
  await enqueueMessage(ctx, {
    key: `outbound/${outboxId}`,
    businessId,
    customerId: person.customerId,
    appointmentId: appointmentId ?? null,
    purpose: origin,
    body: text ?? `[template ${contentTemplate?.contentSid} ${contentTemplate?.contentVariables}]`,
    ...route,
  });
  return route.skipCode ? `skipped (${route.skipCode})` : 'queued';
}

function toTemplate(template: NonNullable<OutboundPayload['template']>): Template {
  return { contentSid: template.contentSid, contentVariables: JSON.stringify(template.variables) };
}
