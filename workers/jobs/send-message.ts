import { type Job, UnrecoverableError } from 'bullmq';
import { outboundMessages, reminderLateness } from '../../core/metrics';
import { markSent } from '../../booking/repositories/delivery-status';
import {
  type ClaimedMessage,
  claimOutbound,
  markFailed,
  optOutRecipient,
  releaseOutbound,
} from '../../booking/repositories/outbound-messages';
import type { WorkerContext } from '../context';
import type { SendJob } from '../queues';
import { SendFailure, TWILIO_ERRORS } from '../senders/transport';

/**
 * The outbound sender: one message per job. Waits for the sending number's slot, claims the row
 * (which re-checks opt-out and, for reminders, that the visit is still on), sends, and records
 * the SID. Failures are translated here, once: retry with backoff on 429/5xx/network, give up and
 * record on anything else, opt the recipient out on 21610 (also when a status callback that beat
 * the SID's storing reported it), use the template on 63016.
 */
export async function sendMessage(ctx: WorkerContext, job: Job<SendJob>, token?: string): Promise<string> {
  const { messageId, startsAt } = job.data;
  if (job.data.sentSid) {
    await markSent(ctx.sql, messageId, job.data.sentSid, ctx.clock.now());
    return job.data.sentSid;
  }
  await ctx.slots.waitForSlot(job, token, ctx.sendRate(job.data.from));
  const claimed = await claimOutbound(ctx.sql, messageId, {
    now: ctx.clock.now(),
    staleAfterMs: ctx.claimStaleAfterMs,
    startsAt: startsAt ? new Date(Date.parse(startsAt)) : undefined,
  });
  if (claimed === null) return 'already handled';
  if (claimed === 'busy') throw new Error(`message ${messageId} is being sent by another worker`);
  if (claimed.status === 'skipped') {
    if (claimed.errorCode !== null) ctx.transport.skipped?.(claimed, claimed.errorCode);
    outboundMessages.inc({ status: 'skipped', error_code: '' });
    return 'skipped';
  }
  if (claimed.previous === 'sending') {
    // Twilio takes no idempotency key: an attempt cut off mid-request may have been accepted.
    ctx.log.warn(
      { messageId },
      'resending a message whose previous attempt stopped mid-request; a duplicate is possible',
    );
  }
  let sid: string;
  try {
    ({ sid } = await sendWithFallback(ctx, claimed, job.data));
  } catch (error) {
    throw await recordFailure(ctx, job, claimed, error);
  }
  // Twilio has it now. Kept with the job first, so that if recording it fails the retry only
  // records it: sending again would text the recipient twice.
  await job.updateData({ ...job.data, sentSid: sid });
  await markSent(ctx.sql, messageId, sid, ctx.clock.now());
  outboundMessages.inc({ status: 'sent', error_code: '' });
  // A reminder's send job is delayed to its due instant: the lateness is measured from there.
  if (startsAt) reminderLateness.observe(Math.max(0, Date.now() - job.timestamp - (job.opts.delay ?? 0)) / 1000);
  return sid;
}

async function sendWithFallback(ctx: WorkerContext, m: ClaimedMessage, data: SendJob): Promise<{ sid: string }> {
  const request = { from: m.from, to: m.to, body: m.body, template: data.template };
  try {
    return await ctx.transport.send(request);
  } catch (error) {
    const closedWindow = error instanceof SendFailure && error.code === TWILIO_ERRORS.outsideWhatsAppWindow;
    if (!closedWindow || data.template || !data.fallback) throw error;
    return ctx.transport.send({ ...request, template: data.fallback });
  }
}

/** Records what the failure means for the message and returns what BullMQ should see. */
async function recordFailure(ctx: WorkerContext, job: Job<SendJob>, m: ClaimedMessage, error: unknown): Promise<Error> {
  const failure = error instanceof SendFailure ? error : new SendFailure(String(error), true, null, null);
  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  ctx.log.warn(
    { messageId: m.id, code: failure.code, status: failure.httpStatus, attempt: job.attemptsMade + 1 },
    `send failed: ${failure.message}`,
  );
  const errorCode = failure.code === null ? '' : String(failure.code);
  if (failure.retryable && !lastAttempt) {
    await releaseOutbound(ctx.sql, m.id, failure.code);
    outboundMessages.inc({ status: 'retry', error_code: errorCode });
    return failure;
  }
  // The opt-out first: a crash between the two leaves the job to run again, never a failed
  // message whose refusal was forgotten.
  if (failure.code === TWILIO_ERRORS.optedOut) {
    await optOutRecipient(ctx.sql, m.businessId, m.to, ctx.clock.now());
  }
  await markFailed(ctx.sql, m.id, failure.code);
  outboundMessages.inc({ status: 'failed', error_code: errorCode });
  return new UnrecoverableError(`message ${m.id} not sent: ${failure.message}`);
}
