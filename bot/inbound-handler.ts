import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { BookingServices } from '../booking';
import type { CustomerRow } from '../booking/db/entities/customer';
import type { Catalog } from '../booking/repositories/catalog';
import type { CustomerChange } from '../booking/repositories/customers';
import type { Conversation } from './dialog/conversation';
import { Speech } from './dialog/speech';
import { type DialogState, freshState, isIdle, stateFrom } from './dialog/state';
import { keywordOf } from './opt-out';
import type { InboundRateLimiter } from './rate-limit';
import type { InboundMessage } from './twilio/inbound-message';

interface Outcome {
  reply: string | null;
  state: DialogState;
  changes: CustomerChange;
}

export type InboundResult = { kind: 'unknown_business' } | { kind: 'reply'; body: string | null };

export interface InboundDeps {
  booking: BookingServices;
  conversation: Conversation;
  limiter: InboundRateLimiter;
  clock: Clock;
  log: Logger;
  idleMinutes: number;
}

/**
 * Everything that happens to one inbound message: stored before anything else (so nothing a
 * customer wrote is lost), deduplicated by MessageSid, then keywords, opt-out, rate limit and
 * the dialog turn; the reply and the new state are stored together.
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
    if (!received.inboundId) {
      log.info({ sid: m.sid }, 'redelivered message: answering as before');
      return { kind: 'reply', body: (await booking.messages.replyGivenTo(m.sid)) ?? null };
    }

    const now = this.deps.clock.now();
    const stored = stateFrom(received.conversation?.state);
    const expiresAt = received.conversation?.expiresAt ?? null;
    const expiredAt = !isIdle(stored) && expiresAt !== null && expiresAt <= now ? expiresAt : null;
    let outcome: Outcome;
    try {
      outcome = await this.respond(m, catalog, received.customer, stored, expiredAt, now);
    } catch (error) {
      log.error({ err: error, sid: m.sid }, 'turn failed; answering with an apology');
      outcome = { reply: new Speech(catalog, received.customer.locale ?? catalog.business.defaultLocale, m.channel).say('error'), state: stored, changes: {} };
    }
    await booking.messages.saveTurn({
      businessId: catalog.business.id,
      customerId: received.customer.id,
      channel: m.channel,
      inboundId: received.inboundId,
      conversationId: received.conversation?.id ?? null,
      reply: outcome.reply === null ? null : { from: m.to, to: m.from, body: outcome.reply },
      state: outcome.state as unknown as Record<string, unknown>,
      lastInboundAt: now,
      expiresAt: isIdle(outcome.state) ? null : new Date(now.getTime() + this.deps.idleMinutes * 60_000),
      customerChange: outcome.changes,
    });
    return { kind: 'reply', body: outcome.reply };
  }

  private async respond(m: InboundMessage, catalog: Catalog, customer: CustomerRow, state: DialogState, expiredAt: Date | null, now: Date): Promise<Outcome> {
    const speech = new Speech(catalog, customer.locale ?? catalog.business.defaultLocale, m.channel);
    switch (keywordOf(m.body, catalog.business.settings.extraOptOutKeywords, m.optOutType, customer.optedOutAt !== null)) {
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
    if (m.body.trim() === '' && m.media.length > 0) return { reply: speech.say('mediaOnly'), state, changes: {} };
    const turn = await this.deps.conversation.turn({ catalog, customer, channel: m.channel, text: m.body, state, expiredAt, now });
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
