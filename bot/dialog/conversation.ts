import type { Locale } from '../../core/locale';
import type { BookingServices } from '../../booking';
import type { Channel } from '../../booking/db/entities/channel-endpoint';
import type { CustomerRow } from '../../booking/db/entities/customer';
import type { Catalog } from '../../booking/repositories/catalog';
import type { DialogEngine, Expectation, Understanding } from '../../dialogs/engine/types';
import { formatPrice } from '../../dialogs/replies/format';
import { nluContextOf } from '../nlu-context';
import {
  advanceBooking,
  answerInstead,
  ask,
  changesProposal,
  executeBooking,
  mergeIntake,
  mergeUnderstanding,
  pickOffered,
  repeatBooked,
  repeatOffer,
  startBooking,
} from './booking-flow';
import {
  answerVisit,
  decline,
  executeCancel,
  offerMove,
  executeReschedule,
  listAppointments,
  pickAppointment,
  startChange,
} from './manage-flow';
import { Speech } from './speech';
import { lateAnswer } from './late-answer';
import { type DialogState, focusOf, freshState, isIdle } from './state';
import type { Focus, TurnContext } from './turn-context';

export interface TurnInput {
  catalog: Catalog;
  customer: CustomerRow;
  channel: Channel;
  text: string;
  state: DialogState;
  /** When the dialog, now past its idle expiry, last moved; null if it has not expired. It then starts afresh. */
  staleSince: Date | null;
  now: Date;
}

export interface TurnResult {
  reply: string;
  state: DialogState;
  locale: Locale;
  customerChanges: TurnContext['customerChanges'];
  /** The intent the engine understood (what the metrics count turns by). */
  intent: Understanding['intent'];
}

/** One customer message in, one reply out: understanding first, then the dialog's rules. */
export class Conversation {
  constructor(private readonly deps: { booking: BookingServices; engine: DialogEngine }) {}

  async turn(input: TurnInput): Promise<TurnResult> {
    const expired = input.staleSince !== null;
    // What the last turn booked counts for this message only (see `repeatBooked`).
    const { justBooked = null, ...carried } = input.state;
    const state = expired ? freshState() : carried;
    const understand = (against: DialogState, focus?: Focus) =>
      this.deps.engine.understand(
        input.text,
        nluContextOf(input.catalog, input.now, {
          customerLocale: input.customer.locale,
          expecting: against.asked,
          activeIntent: against.intent,
          offeredCount: against.offered.length || against.picks.length,
          ...(focus ?? focusOf(against, input.catalog.business.timezone)),
          recentVisit: input.state.recentVisit ?? null,
          conversation: {
            business: input.catalog.business.slug,
            customerId: input.customer.id,
            channel: input.channel,
            cloud: input.catalog.business.settings.useLex !== false,
          },
        }),
      );
    const understanding = await understand(state);
    const speech = new Speech(input.catalog, understanding.locale, input.channel);
    const t: TurnContext = {
      ...input,
      booking: this.deps.booking,
      understanding,
      speech,
      state,
      customerChanges: {},
      reread: (focus) => understand(state, focus),
    };
    const late =
      input.staleSince && !isIdle(input.state)
        ? await lateAnswer(t, input.state, input.staleSince, () => understand(input.state))
        : null;
    let reply: string;
    if (late && 'reply' in late) reply = late.reply;
    else {
      reply = await this.respond(t, justBooked);
      const answeredStaleQuestion =
        understanding.answer !== null || understanding.choice !== null || understanding.intent === 'Fallback';
      if (expired && !isIdle(input.state) && answeredStaleQuestion && !late)
        reply = `${speech.say('restart')} ${reply}`;
    }
    if (input.customer.locale !== understanding.locale) t.customerChanges.locale = understanding.locale;
    return {
      reply,
      state: t.state,
      locale: understanding.locale,
      customerChanges: t.customerChanges,
      intent: understanding.intent,
    };
  }

  private async respond(t: TurnContext, justBooked: DialogState['justBooked']): Promise<string> {
    const { state: s, understanding: u } = t;
    if (justBooked && isBareYes(u)) {
      const again = await repeatBooked(t, justBooked);
      if (again) return again;
    }
    // "Move your oil change…, or tell me what else to book": "a tire rotation" books that then.
    if (s.inferredMove && u.serviceKey) return startBooking(t, { when: s.when });
    if (s.asked === 'confirmation' && u.answer) {
      // "yes, but 10am instead", "no, make it Friday": the change is the answer.
      if (changesProposal(t)) {
        mergeUnderstanding(t);
        return advanceBooking(t);
      }
      return u.answer === 'yes' ? execute(t) : decline(t);
    }
    if (s.asked === 'choice' && s.picks.length > 0) {
      if (u.choice !== null || u.serviceKey || u.when) {
        const picked = await pickAppointment(t);
        if (picked) return picked;
      }
      // A yes cannot say which visit: the list again.
      if (u.answer === 'yes') return startChange(t, s.intent === 'Cancel' ? 'Cancel' : 'Reschedule');
      if (u.answer === 'no') return decline(t);
    }
    if (s.asked === 'choice' && s.offered.length > 0) {
      // A single option can be taken with a yes; a yes to several cannot say which.
      const n = u.choice ?? (u.answer === 'yes' && s.offered.length === 1 ? 1 : null);
      if (n !== null) {
        mergeIntake(t); // "1, 9 Pine St"
        return pickOffered(t, n);
      }
      if (u.answer === 'yes' && !u.when) return repeatOffer(t);
      if (u.answer === 'no' && !u.when) return decline(t);
      // "12 Oak St" while times are on offer: noted, and the times asked about again.
      if (!u.when && !u.serviceKey && !u.staffKey && givesIntake(u)) {
        mergeIntake(t);
        return repeatOffer(t);
      }
    }
    // "never mind", "forget it", "no" to "what address?" or "when?": the customer is done.
    if (
      u.answer === 'no' &&
      s.asked !== null &&
      LETS_GO_OF.has(s.asked) &&
      !u.when &&
      !u.serviceKey &&
      !u.staffKey &&
      isShortAnswer(t.text)
    ) {
      t.state = freshState();
      return t.speech.say('noProblem');
    }
    const field = s.intent === 'Book' ? intakeFieldAsked(s.asked) : null;
    if (field && answersSomethingElse(u, t.text)) return answerInstead(t, field);
    if (continuesBooking(s, u)) {
      mergeUnderstanding(t);
      return advanceBooking(t);
    }
    switch (u.intent) {
      case 'Book':
        if (!u.serviceKey && u.when) {
          const move = await offerMove(t);
          if (move) return move;
        }
        return startBooking(t);
      case 'Cancel':
      case 'Reschedule':
        return startChange(t, u.intent);
      case 'MyAppointments':
        return listAppointments(t);
      case 'Services':
        return answerPrice(t);
      case 'Hours':
        return t.speech.say('hours', { hours: t.speech.hours() });
      case 'Help':
        return t.speech.say('help');
      case 'Greeting':
        return t.speech.say('greeting');
      case 'Thanks':
        return t.speech.say('welcome');
      case 'Confirm':
        return (await answerVisit(t)) ?? t.speech.say(u.answer === 'no' ? 'noProblem' : 'fallback');
      case 'Fallback':
        return t.speech.say('fallback');
    }
  }
}

/** "yes", "sí", "YES!": a yes that names nothing else. */
function isBareYes(u: Understanding): boolean {
  return u.answer === 'yes' && !u.when && !u.serviceKey && !u.staffKey && u.choice === null && !givesIntake(u);
}

function givesIntake(u: Understanding): boolean {
  return Object.values(u.intake).some(Boolean);
}

/** The name, address or car just asked for; notes take any reply. */
function intakeFieldAsked(asked: Expectation | null): 'name' | 'address' | 'vehicle' | null {
  return asked === 'name' || asked === 'address' || asked === 'vehicle' ? asked : null;
}

/**
 * A reply to a detail's question that is not that detail and asks nothing else: nothing the
 * engine could read ("Maria" to "which car?"), or a bare day or time ("tomorrow" to "what
 * address?"); "actually 3pm would be better" is a change of plan and "do you come to Pasadena?"
 * a question, both answered as such.
 */
function answersSomethingElse(u: Understanding, text: string): boolean {
  const nothingElse =
    (u.intent === 'Fallback' || u.intent === 'Book') &&
    !u.serviceKey &&
    !u.staffKey &&
    !givesIntake(u) &&
    u.answer === null &&
    u.choice === null &&
    u.reference === null;
  // "do you come to Pasadena?" asks something: it is no attempt at the answer.
  return nothingElse && !/\?\s*$/.test(text) && (!u.when || isShortAnswer(text));
}
/** "forget it", "no thanks": a few words and no question ("no, can I bring it to you?" is one). */
function isShortAnswer(text: string): boolean {
  return !/\?\s*$/.test(text) && text.trim().split(/\s+/).length <= 3;
}

/** Questions a "no" answers by letting the whole request go (not "anything we should know?"). */
const LETS_GO_OF: ReadonlySet<Expectation> = new Set([
  'service',
  'when',
  'staff',
  'name',
  'address',
  'vehicle',
  'reference',
]);

/**
 * A message that adds to the booking or move under way ("4pm instead", "12 Oak St", "with Dr.
 * Soto"), or a bare yes or no to its question ("What address?" "yes"), which is asked again.
 */
function continuesBooking(s: DialogState, u: Understanding): boolean {
  const open = s.intent === 'Book' || (s.intent === 'Reschedule' && s.target !== null);
  // "can we do friday instead?" while booking reads as a move, but it changes this booking.
  const changesThisBooking = s.intent === 'Book' && u.intent === 'Reschedule' && !u.reference;
  const sameThread =
    u.intent === s.intent ||
    u.intent === 'Book' ||
    u.intent === 'Fallback' ||
    u.intent === 'Confirm' ||
    changesThisBooking;
  const addsSomething = Boolean(u.when || u.serviceKey || u.staffKey || givesIntake(u));
  const answersQuestion = u.answer !== null && s.asked !== null && s.asked !== 'confirmation' && s.asked !== 'choice';
  return open && sameThread && (addsSomething || answersQuestion);
}

/**
 * "how much are brakes?" answers that service and leads into booking it; otherwise the menu.
 * Asked in the middle of a booking ("how much is it?"), the answer is followed by the booking's
 * next question, and nothing gathered so far is lost.
 */
async function answerPrice(t: TurnContext): Promise<string> {
  const booking = t.state.intent === 'Book' ? t.state : null;
  const service = t.catalog.services.find((x) => x.key === t.understanding.serviceKey && x.active);
  if (!service || service.priceCents === null) {
    // "how much is it?", "what are your prices?": the menu holds the answer to both.
    if (booking?.serviceKey)
      return `${t.speech.say('priceList', { list: t.speech.servicesList() })} ${await advanceBooking(t)}`;
    const menu = t.speech.say('services', { list: t.speech.servicesList() });
    return booking ? ask(t, 'service', menu) : menu;
  }
  const price = t.speech.say('price', {
    service: t.speech.serviceName(service),
    price: formatPrice(service.priceCents, t.speech.locale),
    minutes: service.durationMinutes,
  });
  if (booking) return `${price} ${await advanceBooking(t)}`;
  t.state = { ...freshState(), intent: 'Book', serviceKey: service.key };
  return ask(t, 'when', `${price} ${t.speech.say('whenForIt')}`);
}

function execute(t: TurnContext): Promise<string> {
  if (t.state.intent === 'Cancel') return executeCancel(t);
  if (t.state.intent === 'Reschedule') return executeReschedule(t);
  return executeBooking(t);
}
