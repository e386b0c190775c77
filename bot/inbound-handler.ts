import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { BookingServices } from '../booking';
import type { CustomerRow } from '../booking/db/entities/customer';
import type { Catalog } from '../booking/repositories/catalog';
import type { CustomerChange } from '../booking/repositories/customers';
import type { Conversation } from './dialog/conversation';
import { Speech } from './dialog/speech';
import { type DialogState, freshState, isIdle } from './dialog/state';
import { stateFrom } from './dialog/stored-state';
import { keywordOf } from './opt-out';
import type { InboundRateLimiter } from './rate-limit';
import type { InboundMessage } from './twilio/inbound-message';

interface Outcome {
  reply: string | null;
  state: DialogState;
  changes: CustomerChange;
  /** The message did not move the dialog (a photo alone): its expiry stays where it was. */
  keepsExpiry?: true;
}

export type InboundResult = { kind: 'unknown_business' } | { kind: 'reply'; body: string | null };

export interface InboundDeps {
  booking: BookingServices;
  conversation: Conversation;
  limiter: InboundRateLimiter;
  clock: Clock;
  log: Logger;
  idleMinutes: number;
  /**
   * How long the delivery that stored a message has it in hand before a redelivery of the same
   * MessageSid may run its turn instead (10 s when not given). A turn takes milliseconds and
   * Twilio gives up on a request after 15 s, so a delivery still unanswered after 10 s has died or
   * hung; a delivery that fails visibly gives the message up at once.
   */
  redeliveryGraceMs?: number;
}

const DEFAULT_REDELIVERY_GRACE_MS = 10_000;

/**
 * Everything that happens to one inbound message: stored before anything else (so nothing a
 * customer wrote is lost), deduplicated by MessageSid, then keywords, opt-out, rate limit and
 * the dialog turn; the reply and the new state are stored together.
 *
 * A redelivery of a stored MessageSid (Twilio's retry or Fallback URL after the first delivery
 * failed or timed out) gets the answer its turn gave. If no turn was saved, it waits while the
 * delivery that has the message in hand may still answer (the grace), giving that answer once
 * saved; after the grace one redelivery takes the turn over and runs it, exactly one even when
 * several arrive at once. A turn still running after the grace could run twice; none should.
 */
export class InboundHandler {
  constructor(private readonly deps: InboundDeps) {}

  async handle(m: InboundMessage): Promise<InboundResult> {
    const { booking, log } = this.deps;
    const catalog = await booking.catalogs.byAddress(m.to);
    if (!catalog) return { kind: 'unknown_business' };
    const received = await booking.messages.receive({
      businessId: catalog.business.id,
      channel: m.channel,
      phone: m.phone,
      fromAddress: m.from,
      toAddress: m.to,
      body: m.body,
      media: m.media,
      providerSid: m.sid,
    });
    let inboundId = received.inboundId;
    if (!inboundId) {
      const redelivery = await this.redelivery(m.sid);
      if (redelivery.kind === 'answered') {
        log.info({ sid: m.sid }, 'redelivered message: answering as before');
        return { kind: 'reply', body: redelivery.reply };
      }
      log.warn({ sid: m.sid }, 'redelivered message whose turn was never saved: running it now');
      inboundId = redelivery.inboundId;
    }

    const now = this.deps.clock.now();
    const stored = stateFrom(received.conversation, log);
    const expiresAt = received.conversation?.expiresAt ?? null;
    // The dialog last moved one idle period before its expiry.
    const staleSince =
      !isIdle(stored) && expiresAt !== null && expiresAt <= now
        ? new Date(expiresAt.getTime() - this.deps.idleMinutes * 60_000)
        : null;
    let outcome: Outcome;
    try {
      outcome = await this.respond(m, catalog, received.customer, stored, staleSince, now);
    } catch (error) {
      log.error({ err: error, sid: m.sid }, 'turn failed; answering with an apology');
      outcome = {
        reply: new Speech(catalog, received.customer.locale ?? catalog.business.defaultLocale, m.channel).say('error'),
        state: stored,
        changes: {},
      };
    }
    const turn = {
      businessId: catalog.business.id,
      customerId: received.customer.id,
      channel: m.channel,
      inboundId,
      conversationId: received.conversation?.id ?? null,
      reply: outcome.reply === null ? null : { from: m.to, to: m.from, body: outcome.reply },
      state: outcome.state as unknown as Record<string, unknown>,
      lastInboundAt: now,
      expiresAt: outcome.keepsExpiry
        ? expiresAt
        : isIdle(outcome.state)
          ? null
          : new Date(now.getTime() + this.deps.idleMinutes * 60_000),
      customerChange: outcome.changes,
    };
    try {
      await booking.messages.saveTurn(turn);
    } catch (error) {
      // The request fails and Twilio retries or calls the fallback: let that delivery run the turn.
      await booking.messages
        .release(inboundId, this.graceMs)
        .catch((releaseError: unknown) => log.warn({ err: releaseError, sid: m.sid }, 'could not release the message'));
      throw error;
    }
    return { kind: 'reply', body: outcome.reply };
  }

  private get graceMs(): number {
    return this.deps.redeliveryGraceMs ?? DEFAULT_REDELIVERY_GRACE_MS;
  }

  /**
   * Asks until the message's turn is saved or this delivery takes it over. Gives up with no answer
   * after waiting a grace and a second, which only a chain of deliveries dying in turn could cause.
   */
  private async redelivery(
    sid: string,
  ): Promise<{ kind: 'answered'; reply: string | null } | { kind: 'taken'; inboundId: string }> {
    const giveUpAt = performance.now() + this.graceMs + 1_000;
    for (let pause = 50; ; pause = Math.min(pause * 2, 1_000)) {
      const redelivery = await this.deps.booking.messages.redelivery(sid, this.graceMs);
      if (redelivery.kind !== 'in_hand') return redelivery;
      const left = giveUpAt - performance.now();
      if (left <= 0) {
        this.deps.log.warn({ sid }, "redelivered message still in another delivery's hands; answering with nothing");
        return { kind: 'answered', reply: null };
      }
      // Poll while the other delivery may answer, and be there the moment its grace ends.
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, redelivery.retryInMs + 5, left)));
    }
  }

  private async respond(
    m: InboundMessage,
    catalog: Catalog,
    customer: CustomerRow,
    state: DialogState,
    staleSince: Date | null,
    now: Date,
  ): Promise<Outcome> {
    const speech = new Speech(catalog, customer.locale ?? catalog.business.defaultLocale, m.channel);
    switch (
      keywordOf(m.body, catalog.business.settings.extraOptOutKeywords, m.optOutType, customer.optedOutAt !== null)
    ) {
      case 'stop':
        return { reply: speech.say('optedOut'), state: freshState(), changes: { optedOutAt: now } };
      case 'start':
        return { reply: speech.say('optedIn'), state: freshState(), changes: { optedOutAt: null } };
      case 'help':
        return { reply: speech.say('keywordHelp'), state, changes: {} };
    }
    if (customer.optedOutAt) return { reply: null, state, changes: {} };
    if (!(await this.withinRateLimit(catalog.business.id, m.phone, now))) return { reply: null, state, changes: {} };
    // A photo or voice note alone: kept with the message, but the bot reads only text.
    if (m.body.trim() === '' && m.media.length > 0)
      return { reply: speech.say('mediaOnly'), state, changes: {}, keepsExpiry: true };
    const turn = await this.deps.conversation.turn({
      catalog,
      customer,
      channel: m.channel,
      text: m.body,
      state,
      staleSince,
      now,
    });
    return { reply: turn.reply, state: turn.state, changes: turn.customerChanges };
  }

  private async withinRateLimit(businessId: string, phone: string, now: Date): Promise<boolean> {
    try {
      return await this.deps.limiter.allow(businessId, phone, now);
    } catch (error) {
      // Redis down must not silence every customer: answer, and say so in the log.
      this.deps.log.warn({ err: error }, 'rate limiter unavailable; allowing the message');
      return true;
    }
  }
}
