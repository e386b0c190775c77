import type { Understanding } from '../../dialogs/engine/types';
import { advanceBooking, repeatOffer } from './booking-flow';
import { askCancelAgain, decline, startChange, upcomingVisit } from './manage-flow';
import { atInstant, type DialogState, type HeldSlot, targetOf } from './state';
import type { TurnContext } from './turn-context';

/**
 * An answer to a question that sat past the idle limit: a late YES, "2", no, or YES to "cancel
 * it?". A reminder sent since is what a yes or no answers. Otherwise the answer neither acts
 * unseen nor is dropped (SMS replies often come late): the slot or visit is checked again and
 * asked about once more, and a no declines what was asked. Null when the message answers no
 * such question.
 */
export async function lateAnswer(
  t: TurnContext,
  stale: DialogState,
  staleSince: Date,
  understandStale: () => Promise<Understanding>,
): Promise<{ reply: string } | { reminded: true } | null> {
  const u = await understandStale();
  const pendingQuestion = stale.asked === 'confirmation' || (stale.asked === 'choice' && stale.offered.length > 0);
  if (!pendingQuestion || u.when || (u.answer === null && u.choice === null)) return null;
  // A number picks from the options whatever was sent since; a yes or no may answer a reminder.
  if (u.choice === null && (await t.booking.messages.remindedSince(t.catalog.business.id, t.customer.id, staleSince)))
    return { reminded: true };
  const target = stale.target && (await upcomingVisit(t, stale.target.id));
  // Cancelled or moved past meanwhile: say what is booked now.
  if (stale.target && !target)
    return { reply: await startChange(t, stale.intent === 'Cancel' ? 'Cancel' : 'Reschedule') };
  t.state = target ? { ...stale, target: targetOf(target) } : { ...stale };
  if (u.answer === 'no') return { reply: decline(t) };
  const again = t.speech.say('checkedAgain');
  if (target && stale.intent === 'Cancel') return { reply: `${again} ${await askCancelAgain(t, target)}` };
  const slot = slotTaken(stale, u);
  // "yes" to several options cannot say which: fresh ones for the time first asked for.
  if (!slot && !stale.when) return { reply: repeatOffer(t) };
  t.state = { ...t.state, asked: null, proposal: null, offered: [], when: slot ? atInstant(slot.start) : stale.when };
  return { reply: `${again} ${await advanceBooking(t)}` };
}

/** The slot a late answer took: "yes" to the proposal, or "2" (or a yes to the only one) of the options. */
function slotTaken(stale: DialogState, u: Understanding): HeldSlot | undefined {
  if (stale.asked === 'confirmation') return u.answer === 'yes' ? (stale.proposal ?? undefined) : undefined;
  return stale.offered[(u.choice ?? (u.answer === 'yes' && stale.offered.length === 1 ? 1 : 0)) - 1];
}
