import type { Logger } from '../core/logger';
import type { MessageLog } from '../booking/message-log';
import type { Received } from '../booking/repositories/messages';
import type { TurnStart } from '../booking/repositories/turns';

/** What one delivery of a stored message does next: run its turn, or answer as before. */
export type DeliveryTurn = { kind: 'started'; turn: TurnStart } | { kind: 'answered'; reply: string | null };

/**
 * The turn a delivery runs: at once when its message found the conversation idle; after the
 * turns before it otherwise; none when a turn read the message already (it answers nothing, the
 * reply went with the delivery that ran that turn).
 *
 * A redelivery of a stored MessageSid (Twilio's retry or Fallback URL after the first delivery
 * failed or timed out) gets the answer its delivery gave. If no turn was saved, it waits while the
 * delivery that has the message in hand may still answer (`graceMs`), giving that answer once
 * saved; after the grace one redelivery takes the turn over and runs it, exactly one even when
 * several arrive at once. A turn still running after the grace could run twice; none should.
 */
export async function turnOfDelivery(
  deps: { messages: MessageLog; log: Logger; graceMs: number },
  received: Received,
  sid: string,
): Promise<DeliveryTurn> {
  if (received.turn) return { kind: 'started', turn: received.turn };
  let inboundId = received.inboundId;
  if (!inboundId) {
    const redelivery = await answerOrTakeOver(deps, received.customer.businessId, sid);
    if (redelivery.kind === 'answered') {
      deps.log.info({ sid }, 'redelivered message: answering as before');
      return redelivery;
    }
    deps.log.warn({ sid }, 'redelivered message whose turn was never saved: running it now');
    inboundId = redelivery.inboundId;
  }
  return deps.messages.awaitTurn(inboundId);
}

/**
 * Asks until the message's turn is saved or this delivery takes it over. Gives up with no answer
 * after waiting a grace and a second, which only a chain of deliveries dying in turn could cause.
 */
async function answerOrTakeOver(
  deps: { messages: MessageLog; log: Logger; graceMs: number },
  businessId: string,
  sid: string,
): Promise<{ kind: 'answered'; reply: string | null } | { kind: 'taken'; inboundId: string }> {
  const giveUpAt = performance.now() + deps.graceMs + 1_000;
  for (let pause = 50; ; pause = Math.min(pause * 2, 1_000)) {
    const redelivery = await deps.messages.redelivery(businessId, sid, deps.graceMs);
    if (redelivery.kind !== 'in_hand') return redelivery;
    const left = giveUpAt - performance.now();
    if (left <= 0) {
      deps.log.warn({ sid }, "redelivered message still in another delivery's hands; answering with nothing");
      return { kind: 'answered', reply: null };
    }
    // Poll while the other delivery may answer, and be there the moment its grace ends.
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, redelivery.retryInMs + 5, left)));
  }
}
