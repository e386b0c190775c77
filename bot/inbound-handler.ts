import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { inboundTurns, turnDuration } from '../core/metrics';
import type { BookingServices } from '../booking';
import type { CustomerRow } from '../booking/db/entities/customer';
import type { Catalog } from '../booking/repositories/catalog';
import type { CustomerChange } from '../booking/repositories/customers';
import { RecipientOptedOut } from '../booking/errors';
import type { Received } from '../booking/repositories/messages';
import { isDatabaseUnreachable } from '../booking/repositories/sql';
import type { TurnStart } from '../booking/repositories/turns';
import { detectLocale } from '../dialogs/engine/local/language';
import { render } from '../dialogs/replies/render';
import { turnOfDelivery } from './delivery-turn';
import { HeldInbound } from './held-inbound';
import type { InboundSpool } from './inbound-spool';
import { keywordOf } from './opt-out';
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

/** Where a turn's reply goes: the webhook's response, or the outbound queue (a kept message's replay). */
type ReplyBy = 'inline' | 'outbound';

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
  /** Where messages wait while Postgres cannot take them. */
  spool: InboundSpool;
  /** Whether Postgres takes work again; kept messages are replayed only then. */
  databaseReady: () => Promise<boolean>;
  /** Between two looks at the spool (2 s when not given). */
  replayEveryMs?: number;
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
  /** The messages kept while Postgres is away; the app starts and stops their replay. */
  readonly held: HeldInbound;

  constructor(private readonly deps: InboundDeps) {
    this.held = new HeldInbound({
      spool: deps.spool,
      clock: deps.clock,
      log: deps.log,
      databaseReady: deps.databaseReady,
      replay: (m) => this.replay(m),
      everyMs: deps.replayEveryMs ?? 2_000,
    });
  }

  async handle(m: InboundMessage): Promise<InboundResult> {
    const started = performance.now();
    let catalog: Catalog | null;
    try {
      catalog = await this.deps.booking.catalogs.byAddress(m.to);
    } catch (error) {
      return this.holdWhenAway(m, null, error, 'the business of the message cannot be read');
    }
    if (!catalog) return { kind: 'unknown_business' };
    // Behind the messages of its conversation already kept, so that none overtakes another.
    if (this.held.holds(m)) return this.hold(m, catalog);
    let received: Received;
    try {
      received = await this.receive(m, catalog);
    } catch (error) {
      return this.holdWhenAway(m, catalog, error, 'the message cannot be stored');
    }
    try {
      return { kind: 'reply', body: await this.answer(m, catalog, received, 'inline', started) };
    } catch (error) {
      // Stored, but Postgres went away before the turn was saved: answered once it is back.
      return this.holdWhenAway(m, catalog, error, 'the turn cannot be saved');
    }
  }

  /**
   * Only Postgres being away keeps a message for later; any other failure answers 500, for Twilio
   * to retry or call the Fallback URL, rather than hold a message no replay could run.
   */
  private holdWhenAway(
    m: InboundMessage,
    catalog: Catalog | null,
    error: unknown,
    what: string,
  ): Promise<InboundResult> {
    if (!isDatabaseUnreachable(error)) throw error;
    this.deps.log.error({ err: error, sid: m.sid }, `${what}: Postgres is away, the message is kept`);
    return this.hold(m, catalog);
  }

  /** A kept message, now that Postgres takes it: stored, its turn run, the reply sent by the workers. */
  private async replay(m: InboundMessage): Promise<void> {
    const catalog = await this.deps.booking.catalogs.byAddress(m.to);
    if (!catalog) {
      this.deps.log.warn({ sid: m.sid }, 'a kept message to a number no business owns any more: dropped');
      return;
    }
    await this.answer(m, catalog, await this.receive(m, catalog), 'outbound', performance.now());
  }

  /**
   * Kept for later, and Twilio answered 200 with a holding reply in the language the message is
   * in (nothing to a carrier keyword: STOP must not get "we'll reply"). Throws, and so answers 500
   * for Twilio to retry or call the Fallback URL, only when neither Redis nor the disk took it.
   */
  private async hold(m: InboundMessage, catalog: Catalog | null): Promise<InboundResult> {
    await this.held.hold(m);
    const extraStopWords = catalog?.business.settings.extraOptOutKeywords ?? [];
    if (keywordOf(m.body, extraStopWords, m.optOutType)) return { kind: 'reply', body: null };
    const business = catalog?.business;
    const locale = detectLocale(m.body, {
      locales: business?.locales ?? ['en', 'es'],
      defaultLocale: business?.defaultLocale ?? 'en',
    });
    return { kind: 'reply', body: render('held', locale, {}, m.channel) };
  }

  private receive(m: InboundMessage, catalog: Catalog): Promise<Received> {
    return this.deps.booking.messages.receive({
      businessId: catalog.business.id,
      channel: m.channel,
      phone: m.phone,
      fromAddress: m.from,
      toAddress: m.to,
      body: m.body,
      media: m.media,
      providerSid: m.sid,
    });
  }

  /**
   * The stored message's turn, unless a delivery before this one answered it. `inline`: the reply
   * is returned for the webhook's response; `outbound`: it goes through the outbound queue.
   */
  private async answer(
    m: InboundMessage,
    catalog: Catalog,
    received: Received,
    replyBy: ReplyBy,
    started: number,
  ): Promise<string | null> {
    const { booking, log } = this.deps;
    const next = await turnOfDelivery({ messages: booking.messages, log, graceMs: this.graceMs }, received, m.sid);
    if (next.kind === 'answered') return replyBy === 'inline' ? next.reply : null;
    try {
      return await this.run(m, catalog, next.turn, replyBy, started);
    } catch (error) {
      // The request fails and Twilio retries or calls the fallback: let that delivery run the turn.
      await booking.messages
        .release(next.turn, this.graceMs)
        .catch((releaseError: unknown) => log.warn({ err: releaseError, sid: m.sid }, 'could not release the message'));
      throw error;
    }
  }

  /** The turn, then its reply and new state stored together. */
  private async run(
    m: InboundMessage,
    catalog: Catalog,
    turn: TurnStart,
    replyBy: ReplyBy,
    started: number,
  ): Promise<string | null> {
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
      reply: outcome.reply === null || replyBy === 'outbound' ? null : { from: m.to, to: m.from, body: outcome.reply },
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
    if (replyBy === 'outbound' && outcome.reply !== null) await this.sendReply(m, catalog, turn, outcome.reply);
    return outcome.reply;
  }

  /**
   * A replayed turn's reply, sent once its turn is saved: a crash between the two loses this one
   * reply (the turn is saved, so a second replay answers nothing), which a customer can ask again;
   * sending first could send it twice.
   */
  private async sendReply(m: InboundMessage, catalog: Catalog, turn: TurnStart, text: string): Promise<void> {
    try {
      await this.deps.booking.outbound.send({
        businessId: catalog.business.id,
        recipient: { customerId: turn.customer.id, channel: m.channel },
        text,
        origin: 'conversation',
      });
    } catch (error) {
      // Opted out in this very turn (STOP): nothing more goes to them.
      if (!(error instanceof RecipientOptedOut)) throw error;
    }
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
