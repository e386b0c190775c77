import type { Channel } from '../../booking/db/entities/channel-endpoint';
import type { OutboundOrigin } from '../../booking/outbox-topics';
import { recordOutbound, type SendOptions, type UnsentMessage } from '../../booking/repositories/outbound-messages';
import type { WorkerContext } from '../context';
import { JOBS, jobIds, type SendJob, type Template } from '../queues';
import { messageIdFor } from './message-id';

/** A proactive message as a processor composes it, before it becomes a row and a send job. */
export interface Draft {
  /** What the message is about, unique per message: its row id derives from it. */
  key: string;
  businessId: string;
  customerId: string | null;
  appointmentId: string | null;
  channel: Channel;
  /** What the message is; a general outbound message's origin (booking/outbound.ts). */
  purpose: 'owner_notice' | 'customer_notice' | 'reminder' | 'digest' | OutboundOrigin;
  from: string;
  to: string;
  body: string;
  template?: Template;
  fallback?: Template;
  /** Record the message as skipped with this code instead of sending it. */
  skipCode?: number;
  /** Not to be sent before this instant (a reminder prepared ahead of its time). */
  notBefore?: Date;
  /** For reminders: the visit's start (ISO) the text speaks of, re-checked when sending. */
  startsAt?: string;
}

/**
 * Records the message row and hands it to the outbound queue. Both steps are keyed by the
 * draft's key, so a processor that runs again after a crash neither duplicates the row nor
 * sends twice; a row already sent, failed or skipped gets no new job.
 */
export async function enqueueMessage(
  ctx: Pick<WorkerContext, 'sql' | 'queues' | 'clock' | 'transport'>,
  d: Draft,
): Promise<string> {
  const id = messageIdFor(d.key);
  const sendOptions: SendOptions = {
    template: d.template,
    fallback: d.fallback,
    startsAt: d.startsAt,
    notBefore: d.notBefore?.toISOString(),
  };
  const status = await recordOutbound(ctx.sql, {
    id,
    businessId: d.businessId,
    customerId: d.customerId,
    appointmentId: d.appointmentId,
    channel: d.channel,
    purpose: d.purpose,
    from: d.from,
    to: d.to,
    body: d.body,
    status: d.skipCode === undefined ? 'queued' : 'skipped',
    errorCode: d.skipCode ?? null,
    sendOptions,
  });
  if (status === 'skipped' && d.skipCode !== undefined) ctx.transport.skipped?.(d, d.skipCode);
  if (status !== 'queued') return id;
  await queueSend(ctx, { id, from: d.from, sendOptions });
  return id;
}

/**
 * The send job of a message row, under its one id (`send-<message id>`): adding it again while it
 * is queued, running or kept after finishing changes nothing, so the reconciler may add it again
 * from the row alone.
 */
export async function queueSend(ctx: Pick<WorkerContext, 'queues' | 'clock'>, message: UnsentMessage): Promise<void> {
  const { template, fallback, startsAt, notBefore } = message.sendOptions;
  const data: SendJob = { messageId: message.id, from: message.from, template, fallback, startsAt };
  const delay = notBefore ? Math.max(0, Date.parse(notBefore) - ctx.clock.now().getTime()) : 0;
  await ctx.queues.outbound.add(JOBS.send, data, { jobId: jobIds.send(message.id), delay });
}
