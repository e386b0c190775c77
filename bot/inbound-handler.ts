import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { inboundTurns, turnDuration } from '../core/metrics';
import type { BookingServices } from '../booking';
import type { CustomerRow } from '../booking/db/entities/customer';
import type { Catalog } from '../booking/repositories/catalog';
import type { CustomerChange } from '../booking/repositories/customers';
import type { TurnStart } from '../booking/repositories/turns';
import { turnOfDelivery } from './delivery-turn';
import type { Conversation } from './dialog/conversation';
import { Speech } from './dialog/speech';
import { type DialogState, freshState, isIdle } from './dialog/state';
import { stateFrom } from './dialog/stored-state';
import { isOwnerOf, leftToTheOwner, type OwnerDesk } from './owner/owner-desk';
import type { InboundRateLimiter } from './rate-limit';
import { readTogether, type TurnText } from './read-together';
import type { InboundMessage } from './twilio/inbound-message';

interface Outcome {
  reply: string | null;
  state: DialogState;
  changes: CustomerChange;
  /** The message did not move the dialog (a photo alone): its expiry stays where it was. */
  keepsExpiry?: true;
  /** What the turn was, for the metrics: the understood intent, or the rule that answered instead. */
  kind: string;
}

export type InboundResult = { kind: 'unknown_business' } | { kind: 'reply'; body: string | null };

export interface InboundDeps {
  booking: BookingServices;
  conversation: Conversation;
  owner: OwnerDesk;
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
 * customer wrote is lost), deduplicated by MessageSid (a redelivery: delivery-turn.ts), then its
 * conversation's turn, in arrival order: keywords, opt-out, rate limit and the dialog; the reply
 * and the new state are stored together. A message that arrives while its conversation's turn is
 * running waits for it, in this process or any other, and the messages that queued up meanwhile
 * are read together by one turn (read-together.ts), whose reply goes back in the response of the
 * delivery that ran it; the others answer nothing (booking/repositories/turns.ts).
 */
export class InboundHandler {
  constructor(private readonly deps: InboundDeps) {}

  async handle(m: InboundMessage): Promise<InboundResult> {
    const started = performance.now();
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
    const next = await turnOfDelivery({ messages: booking.messages, log, graceMs: this.graceMs }, received, m.sid);
    if (next.kind === 'answered') return { kind: 'reply', body: next.reply };
    try {
      return await this.run(m, catalog, next.turn, started);
    } catch (error) {
      // The request fails and Twilio retries or calls the fallback: let that delivery run the turn.
      await booking.messages
        .release(next.turn, this.graceMs)
        .catch((releaseError: unknown) => log.warn({ err: releaseError, sid: m.sid }, 'could not release the message'));
      throw error;
    }
  }

  /** The turn, then its reply and new state stored together. */
  private async run(m: InboundMessage, catalog: Catalog, turn: TurnStart, started: number): Promise<InboundResult> {
    const { booking, log } = this.deps;
    const now = this.deps.clock.now();
    const stored = stateFrom({ id: turn.conversationId, state: turn.state }, log);
    // The dialog last moved one idle period before its expiry.
    const staleSince =
      !isIdle(stored) && turn.expiresAt !== null && turn.expiresAt <= now
        ? new Date(turn.expiresAt.getTime() - this.deps.idleMinutes * 60_000)
        : null;
    const read = readTogether(turn.messages, {
      extraStopWords: catalog.business.settings.extraOptOutKeywords,
      optOutTypes: new Map(m.optOutType ? [[turn.inboundId, m.optOutType]] : []),
      optedOut: turn.customer.optedOutAt !== null,
    });
    let outcome: Outcome;
    try {
      outcome = await this.respond(m, catalog, turn.customer, read, stored, staleSince, now);
    } catch (error) {
      log.error({ err: error, sid: m.sid }, 'turn failed; answering with an apology');
      outcome = {
        reply: new Speech(catalog, turn.customer.locale ?? catalog.business.defaultLocale, m.channel).say('error'),
        state: stored,
        changes: {},
        kind: 'Error',
      };
    }
    await booking.messages.saveTurn({
      conversationId: turn.conversationId,
      businessId: catalog.business.id,
      customerId: turn.customer.id,
      channel: m.channel,
      inboundId: turn.inboundId,
      read: turn.messages.map((message) => message.id),
      reply: outcome.reply === null ? null : { from: m.to, to: m.from, body: outcome.reply },
      state: outcome.state as unknown as Record<string, unknown>,
      lastInboundAt: now,
      expiresAt: outcome.keepsExpiry
        ? turn.expiresAt
        : isIdle(outcome.state)
          ? null
          : new Date(now.getTime() + this.deps.idleMinutes * 60_000),
      customerChange: outcome.changes,
    });
    inboundTurns.inc({ channel: m.channel, intent: outcome.kind });
    turnDuration.observe({ channel: m.channel }, (performance.now() - started) / 1000);
    return { kind: 'reply', body: outcome.reply };
  }

  private get graceMs(): number {
    return this.deps.redeliveryGraceMs ?? DEFAULT_REDELIVERY_GRACE_MS;
  }

  private async respond(
    m: InboundMessage,
    catalog: Catalog,
    customer: CustomerRow,
    read: TurnText,
    state: DialogState,
    staleSince: Date | null,
    now: Date,
  ): Promise<Outcome> {
    const speech = new Speech(catalog, customer.locale ?? catalog.business.defaultLocale, m.channel);
    // A business's owner phone texting this business's number: commands, never bookings (bot/owner).
    const owner = isOwnerOf(catalog, m.phone);
    switch (read.keyword) {
      case 'stop':
        return { reply: speech.say('optedOut'), state: freshState(), changes: { optedOutAt: now }, kind: 'OptOut' };
      case 'start':
        return { reply: speech.say('optedIn'), state: freshState(), changes: { optedOutAt: null }, kind: 'OptIn' };
      case 'help':
        return { reply: speech.say(owner ? 'ownerHelp' : 'keywordHelp'), state, changes: {}, kind: 'KeywordHelp' };
    }
    if (customer.optedOutAt) return { reply: null, state, changes: {}, kind: 'OptedOut' };
    if (!(await this.withinRateLimit(catalog.business.id, m.phone, now)))
      return { reply: null, state, changes: {}, kind: 'RateLimited' };
    // A photo or voice note alone: kept with the message, but the bot reads only text.
    if (read.text === '' && read.media.length > 0)
      return { reply: speech.say('mediaOnly'), state, changes: {}, keepsExpiry: true, kind: 'MediaOnly' };
    if (owner) return this.ownerTurn(m, catalog, customer, read.text, state, staleSince, now);
    const relayed = this.relayBack(catalog, customer, read.text);
    const turn = await this.deps.conversation.turn({
      catalog,
      customer,
      channel: m.channel,
      text: read.text,
      state,
      staleSince,
      now,
    });
    const quiet = (await relayed) && leftToTheOwner(turn.intent);
    return { reply: quiet ? null : turn.reply, state: turn.state, changes: turn.customerChanges, kind: turn.intent };
  }

  /** Alongside the turn: a copy to the owner talking to this customer, if one is (bot/owner). */
  private async relayBack(catalog: Catalog, customer: CustomerRow, text: string): Promise<boolean> {
    try {
      return await this.deps.owner.relayBack(catalog, customer, text);
    } catch (error) {
      this.deps.log.warn({ err: error, businessId: catalog.business.id }, 'could not relay a reply to the owner');
      return false;
    }
  }

  private async ownerTurn(
    m: InboundMessage,
    catalog: Catalog,
    owner: CustomerRow,
    text: string,
    state: DialogState,
    staleSince: Date | null,
    now: Date,
  ): Promise<Outcome> {
    const turn = await this.deps.owner.turn({
      catalog,
      ownerPhone: m.phone,
      ownerLocale: owner.locale,
      channel: m.channel,
      text,
      state,
      staleSince,
      now,
    });
    return {
      reply: turn.reply,
      state: turn.state,
      changes: turn.locale === owner.locale ? {} : { locale: turn.locale },
      kind: 'OwnerCommand',
    };
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
