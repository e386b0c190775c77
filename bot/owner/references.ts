import { REFERENCE_ALPHABET } from '../../core/reference-code';
import type { AgendaRow } from '../../booking/repositories/agenda';
import { editDistance } from '../../dialogs/engine/local/edit-distance';
import { joinList } from '../../dialogs/replies/format';
import type { OwnerTurn } from './owner-turn';

export type Found = { ok: true; visit: AgendaRow } | { ok: false; reply: string };

const IN_ALPHABET = new Set(REFERENCE_ALPHABET);
const SUGGESTIONS = 3;

/**
 * The visit (or block) an owner's code names, at this business only: another business's code is
 * never found, so nothing about it leaks. Case does not matter. A character the alphabet leaves out
 * (O, 0, I, 1, L, S, 5, B, 8, Z, 2, U, V, D, Q: the look-alikes) cannot be in any code, so one of
 * them is read as whichever character makes the code one of the business's, when exactly one does. A code
 * one slip away from real ones ("K7WN") gets "did you mean K7WM?", and nothing is done.
 */
export async function findVisit(t: OwnerTurn, typed: string): Promise<Found> {
  const businessId = t.catalog.business.id;
  const code = typed.toUpperCase();
  const exact = await t.booking.agenda.byReference(businessId, code);
  if (exact) return { ok: true, visit: exact };
  const known = await t.booking.agenda.knownReferences(businessId);
  // One look-alike is a slip; a code of them ("OOOO") could be corrected into anything.
  const impossible = [...code].filter((ch) => !IN_ALPHABET.has(ch)).length;
  const corrected = impossible === 1 ? known.filter((k) => lookAlikeOf(code, k)) : [];
  if (corrected.length === 1) {
    const visit = await t.booking.agenda.byReference(businessId, corrected[0]);
    if (visit) return { ok: true, visit };
  }
  const near = corrected.length > 1 ? corrected : known.filter((k) => editDistance(code, k, 1) <= 1);
  if (near.length === 0) return { ok: false, reply: t.speech.say('ownerNotFound', { ref: code }) };
  const suggestions = joinList(near.sort().slice(0, SUGGESTIONS), t.speech.say('or'));
  return { ok: false, reply: t.speech.say('ownerDidYouMean', { ref: code, suggestions }) };
}

/** `known` as `typed` would be with its impossible characters read as the ones in their place. */
function lookAlikeOf(typed: string, known: string): boolean {
  return typed.length === known.length && [...typed].every((ch, i) => ch === known[i] || !IN_ALPHABET.has(ch));
}
