import { isIntakeField } from '../local/intake';
import type { NluContext, Understanding } from '../types';

/**
 * Turns the local engine settles exactly, which never cost a Lex call: a number picking an offered
 * option, a yes or no (to a proposal, a question, a reminder), an appointment code, the answer to
 * "what address?" and the other details (Lex's AMAZON.FreeFormInput would only hand the text
 * back). Keywords and owner commands never reach an engine at all. Lex takes text of 1 to 1024
 * characters.
 */

export const LEX_MAX_TEXT = 1024;

export function staysLocal(text: string, context: NluContext, local: Understanding): boolean {
  const length = text.trim().length;
  if (length === 0 || length > LEX_MAX_TEXT) return true;
  if (local.reference !== null) return true;
  if (local.choice !== null && (context.offeredCount ?? 0) > 0) return true;
  if (isIntakeField(context.expecting) && local.intake[context.expecting] !== undefined) return true;
  if (local.answer === null) return false;
  // "yes but 10am instead" is still the answer to the proposal; a bare "yes" answers whatever was asked.
  const saysMore = local.serviceKey !== null || local.when !== null || local.staffKey !== null;
  return context.expecting === 'confirmation' || context.expecting === 'choice' || !saysMore;
}
