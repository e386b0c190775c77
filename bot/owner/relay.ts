import { ownerActor, type OwnerTurn } from './owner-turn';
import { findVisit } from './references';

/**
 * "@K7WM running 15 min late": the owner's words to that visit's customer, from the business's
 * number, opening the way back for 24 hours (booking/owner-relays.ts).
 */
export async function relayToCustomer(t: OwnerTurn, ref: string, text: string): Promise<string> {
  const found = await findVisit(t, ref);
  if (!found.ok) return found.reply;
  const visit = found.visit;
  if (visit.kind === 'block' || !visit.customerId) return t.speech.say('ownerIsBlock', { ref: visit.reference });
  if (!text) return t.speech.say('ownerRelayAsk', { ref: visit.reference });
  const vars = { customer: visit.customerName ?? visit.phone ?? '', ref: visit.reference, phone: visit.phone ?? '' };
  const refused = await t.booking.ownerRelays.toCustomer({
    businessId: t.catalog.business.id,
    ownerPhone: ownerActor(t).phone,
    ownerChannel: t.channel,
    appointmentId: visit.id,
    customerId: visit.customerId,
    reference: visit.reference,
    text: t.speech.say('relayToCustomer', { text }),
  });
  if (refused === 'opted_out') return t.speech.say('ownerRelayRefused', vars);
  if (refused === 'whatsapp_window_closed') return t.speech.say('ownerRelayClosed', vars);
  return t.speech.say('ownerRelayed', vars);
}
