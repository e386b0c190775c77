import type { Locale } from '../../core/locale';
import type { BookingServices } from '../../booking';
import type { Channel } from '../../booking/db/entities/channel-endpoint';
import type { CustomerRow } from '../../booking/db/entities/customer';
import type { Catalog } from '../../booking/repositories/catalog';
import type { IntentName } from '../../dialogs/engine/types';
import { render } from '../../dialogs/replies/render';
import { nluContextOf } from '../nlu-context';
import { Speech } from '../dialog/speech';
import { type DialogState, freshState } from '../dialog/state';
import { executeCommand } from './execute-command';
import { parseOwnerCommand } from './parse-command';

export interface OwnerMessage {
  catalog: Catalog;
  ownerPhone: string;
  /** The language the owner last wrote in, if known. */
  ownerLocale: Locale | null;
  channel: Channel;
  text: string;
  state: DialogState;
  /** Set when the conversation passed its idle expiry: alternatives offered then are not picked by a late number. */
  staleSince: Date | null;
  now: Date;
}

export interface OwnerReply {
  reply: string;
  state: DialogState;
  locale: Locale;
}

const LEFT_TO_THE_OWNER: ReadonlySet<IntentName> = new Set(['Fallback', 'Greeting', 'Thanks', 'Confirm']);

/**
 * While an owner is talking to a customer, the owner has the customer's messages: small talk ("ok
 * thanks", "see you soon") and what the bot cannot read get no bot reply; a request the bot can act
 * on ("when is my appointment?") is answered as ever.
 */
export function leftToTheOwner(intent: IntentName): boolean {
  return LEFT_TO_THE_OWNER.has(intent);
}

/** Whether a phone is one of this business's owners: they get commands, never the booking dialog. */
export function isOwnerOf(catalog: Catalog, phone: string): boolean {
  return catalog.business.ownerPhones.includes(phone);
}

/**
 * The owner's side of the business number: one message in, parsed as a command and carried out
 * over the same booking services as customers use, one reply out in the owner's language (the
 * language the message gives away, else the one they last wrote in, else the business's).
 */
export class OwnerDesk {
  constructor(private readonly deps: { booking: BookingServices }) {}

  /**
   * A customer's message while an owner is talking to them through the bot (`@K7WM …`, for 24
   * hours): a copy goes to that owner from the business's number, prefixed with the visit's code.
   * Whether one went.
   */
  async relayBack(catalog: Catalog, customer: CustomerRow, text: string): Promise<boolean> {
    const { business } = catalog;
    if (business.ownerPhones.length === 0 || text.trim() === '') return false;
    const relay = await this.deps.booking.ownerRelays.openFor(business.id, customer.id);
    if (!relay) return false;
    const body = render('relayToOwner', business.defaultLocale, {
      ref: relay.reference,
      customer: customer.name ?? customer.phone,
      text: text.trim(),
    });
    await this.deps.booking.ownerRelays.toOwner(business.id, relay, body);
    return true;
  }

  async turn(m: OwnerMessage): Promise<OwnerReply> {
    const { business } = m.catalog;
    const known = m.ownerLocale && business.locales.includes(m.ownerLocale) ? m.ownerLocale : business.defaultLocale;
    const context = nluContextOf(m.catalog, m.now);
    const parsed = parseOwnerCommand(m.text, { ...context, usual: known });
    const locale = parsed.locale && business.locales.includes(parsed.locale) ? parsed.locale : known;
    // Only a number answers the alternatives offered; any other command leaves them behind.
    const keep = parsed.command.kind === 'choice' && m.staleSince === null;
    const turn = {
      booking: this.deps.booking,
      catalog: m.catalog,
      ownerPhone: m.ownerPhone,
      channel: m.channel,
      now: m.now,
      speech: new Speech(m.catalog, locale, m.channel),
      state: keep ? m.state : freshState(),
    };
    const reply = await executeCommand(turn, parsed.command);
    return { reply, state: turn.state, locale };
  }
}
