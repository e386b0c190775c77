import type { Locale } from '../../core/locale';
import type { BookingServices } from '../../booking';
import type { Channel } from '../../booking/db/entities/channel-endpoint';
import type { CustomerRow } from '../../booking/db/entities/customer';
import type { Catalog } from '../../booking/repositories/catalog';
import type { DialogEngine, Understanding } from '../../dialogs/engine/types';
import { formatPrice } from '../../dialogs/replies/format';
import { nluContextOf } from '../nlu-context';
import { advanceBooking, ask, executeBooking, mergeUnderstanding, pickOffered, repeatOffer } from './booking-flow';
import { answerVisit, executeCancel, executeReschedule, listAppointments, pickAppointment, startChange } from './manage-flow';
import { Speech } from './speech';
import { type DialogState, focusDayOf, freshState, isIdle, revivedProposal } from './state';
import type { TurnContext } from './turn-context';

export interface TurnInput {
  catalog: Catalog;
  customer: CustomerRow;
  channel: Channel;
  text: string;
  state: DialogState;
  /** The dialog sat idle past its expiry: start afresh. */
  expired: boolean;
  now: Date;
}

export interface TurnResult {
  reply: string;
  state: DialogState;
  locale: Locale;
  customerChanges: TurnContext['customerChanges'];
}

/** One customer message in, one reply out: understanding first, then the dialog's rules. */
export class Conversation {
  constructor(private readonly deps: { booking: BookingServices; engine: DialogEngine }) {}

  async turn(input: TurnInput): Promise<TurnResult> {
    const state = input.expired ? freshState() : input.state;
    const understanding = await this.deps.engine.understand(
      input.text,
      nluContextOf(input.catalog, input.now, {
        customerLocale: input.customer.locale,
        expecting: state.asked,
        activeIntent: state.intent,
        offeredCount: state.offered.length || state.picks.length,
        focusDay: focusDayOf(state, input.catalog.business.timezone),
      }),
    );
    const speech = new Speech(input.catalog, understanding.locale, input.channel);
    const t: TurnContext = { ...input, booking: this.deps.booking, understanding, speech, state, customerChanges: {} };
    const revived = input.expired && understanding.answer === 'yes' && !understanding.when ? revivedProposal(input.state) : null;
    let reply: string;
    if (revived) {
      // A YES long after the proposal (SMS replies often are) neither books a slot unseen nor
      // drops it: the same slot is checked again and said back for a fresh YES.
      t.state = revived;
      reply = `${speech.say('checkedAgain')} ${await advanceBooking(t)}`;
    } else {
      reply = await this.respond(t);
      const answeredStaleQuestion = understanding.answer !== null || understanding.choice !== null || understanding.intent === 'Fallback';
      if (input.expired && !isIdle(input.state) && answeredStaleQuestion) reply = `${speech.say('restart')} ${reply}`;
    }
    if (input.customer.locale !== understanding.locale) t.customerChanges.locale = understanding.locale;
    return { reply, state: t.state, locale: understanding.locale, customerChanges: t.customerChanges };
  }

  private async respond(t: TurnContext): Promise<string> {
    const { state: s, understanding: u } = t;
    if (s.asked === 'confirmation' && u.answer) {
      // "yes, but 10am instead", "no, make it Friday": the change is the answer.
      if (changesProposal(t)) {
        mergeUnderstanding(t);
        return advanceBooking(t);
      }
      return u.answer === 'yes' ? execute(t) : decline(t);
    }
    if (s.asked === 'choice' && s.picks.length > 0 && (u.choice !== null || u.serviceKey)) {
      const picked = await pickAppointment(t);
      if (picked) return picked;
    }
    if (s.asked === 'choice' && s.offered.length > 0) {
      // A single option can be taken with a yes; a yes to several cannot say which.
      const n = u.choice ?? (u.answer === 'yes' && s.offered.length === 1 ? 1 : null);
      if (n !== null) return pickOffered(t, n);
      if (u.answer === 'yes' && !u.when) return repeatOffer(t);
      if (u.answer === 'no' && !u.when) return decline(t);
    }
    if (continuesBooking(s, u)) {
      mergeUnderstanding(t);
      return advanceBooking(t);
    }
    switch (u.intent) {
      case 'Book':
        t.state = { ...freshState(), intent: 'Book' };
        mergeUnderstanding(t);
        return advanceBooking(t);
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
      case 'Confirm':
        return (await answerVisit(t)) ?? t.speech.say(u.answer === 'no' ? 'noProblem' : 'fallback');
      case 'Fallback':
        return t.speech.say('fallback');
    }
  }
}

/**
 * A message that adds to the booking or move under way ("4pm instead", "12 Oak St", "with Dr.
 * Soto"), or a bare yes or no to its question ("What address?" "yes"), which is asked again.
 */
function continuesBooking(s: DialogState, u: Understanding): boolean {
  const open = s.intent === 'Book' || (s.intent === 'Reschedule' && s.target !== null);
  const sameThread = u.intent === s.intent || u.intent === 'Book' || u.intent === 'Fallback' || u.intent === 'Confirm';
  const addsSomething = Boolean(u.when || u.serviceKey || u.staffKey || Object.values(u.intake).some(Boolean));
  const answersQuestion = u.answer !== null && s.asked !== null && s.asked !== 'confirmation' && s.asked !== 'choice';
  return open && sameThread && (addsSomething || answersQuestion);
}

/** Whether an answer to "Reply YES to book" also asks for another time, service or person. */
function changesProposal(t: TurnContext): boolean {
  const { state: s, understanding: u } = t;
  if (!s.proposal || s.intent === 'Cancel') return false;
  const at = Date.parse(s.proposal.start);
  const otherTime = u.when !== null && !(Date.parse(u.when.start) <= at && at <= Date.parse(u.when.end));
  const otherService = s.intent === 'Book' && u.serviceKey !== null && u.serviceKey !== s.serviceKey;
  const otherStaff = u.staffKey !== null && t.catalog.staff.find((m) => m.key === u.staffKey)?.id !== s.proposal.staffId;
  return otherTime || otherService || otherStaff;
}

/** "how much are brakes?" answers that service and leads into booking it; otherwise the menu. */
function answerPrice(t: TurnContext): string {
  const service = t.catalog.services.find((x) => x.key === t.understanding.serviceKey && x.active);
  if (!service || service.priceCents === null) return t.speech.say('services', { list: t.speech.servicesList() });
  t.state = { ...freshState(), intent: 'Book', serviceKey: service.key };
  return ask(t, 'when', t.speech.say('price', { service: t.speech.serviceName(service), price: formatPrice(service.priceCents, t.speech.locale), minutes: service.durationMinutes }));
}

function execute(t: TurnContext): Promise<string> {
  if (t.state.intent === 'Cancel') return executeCancel(t);
  if (t.state.intent === 'Reschedule') return executeReschedule(t);
  return executeBooking(t);
}

function decline(t: TurnContext): string {
  const s = t.state;
  if (s.intent !== 'Book' && !s.target) {
    // "no" to "which visit?": nothing to change after all.
    t.state = freshState();
    return t.speech.say('noProblem');
  }
  if (s.intent === 'Cancel' && s.target) {
    const service = t.catalog.services.find((x) => x.key === s.serviceKey);
    const reply = t.speech.say('kept', { service: service ? t.speech.serviceName(service).toLowerCase() : '', when: t.speech.when(s.target.startsAt) });
    t.state = freshState();
    return reply;
  }
  s.proposal = null;
  s.when = null;
  return ask(t, 'when', t.speech.say('declined'));
}
