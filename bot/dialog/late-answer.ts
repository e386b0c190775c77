import type { Understanding } from '../../dialogs/engine/types';
import { advanceBooking } from './booking-flow';
import { askCancelAgain } from './manage-flow';
import { type DialogState, slotTaken } from './state';
import type { TurnContext } from './turn-context';

/**
 * An answer to a question that sat past the idle limit: a late YES, "2", or YES to "cancel
 * it?". A reminder sent since is what such a yes answers. Otherwise it neither acts unseen nor
 * is dropped (SMS replies often come late): the slot or visit is checked again and asked about
 * once more. Null when the message answers no such question.
 */
export async function lateAnswer(t: TurnContext, stale: DialogState, staleSince: Date, understandStale: () => Promise<Understanding>): Promise<{ reply: string } | { reminded: true } | null> {
  const u = await understandStale();
  const slot = slotTaken(stale, u);
  const cancels = stale.intent === 'Cancel' && stale.asked === 'confirmation' && stale.target !== null && u.answer === 'yes';
  if (!slot && !cancels) return null;
  if (await t.booking.messages.remindedSince(t.catalog.business.id, t.customer.id, staleSince)) return { reminded: true };
  const again = t.speech.say('checkedAgain');
  if (!slot) return { reply: `${again} ${await askCancelAgain(t, stale.target!.id)}` };
  t.state = { ...stale, asked: null, proposal: null, offered: [], when: { start: slot.start, end: slot.start, grain: 'minute' } };
  return { reply: `${again} ${await advanceBooking(t)}` };
}
