import type { Locale } from '../../../core/locale';
import type { DialogEngine, NluContext, NluStaff, When } from '../types';
import { matchStaff } from './catalog-match';
import { extractWhen } from './dates/extract-when';
import { MaskedText } from './text';
import { understandLocally } from './understand';

/** The default engine: no network, deterministic, fast enough to run on every message. */
export function createLocalEngine(): DialogEngine {
  return { understand: async (text, context) => understandLocally(text, context) };
}

export { understandLocally };

/**
 * The day or time a short text names and the staff member it names, read exactly as a customer's
 * message is (the owner's commands use it: "block soto tomorrow 1-3pm", "move K7WM fri 3pm"), and
 * the words left unread (folded, lower case without accents).
 */
export function readWhenAndStaff(
  text: string,
  locale: Locale,
  context: Pick<NluContext, 'now' | 'timezone' | 'locales'> & { staff: NluStaff[] },
): { when: When | null; staffKey: string | null; rest: string } {
  const masked = new MaskedText(text);
  const when = extractWhen(masked, locale, context);
  const staff = matchStaff(masked.text, context.staff);
  if (staff) masked.mask(staff.start, staff.end);
  return { when, staffKey: staff?.key ?? null, rest: masked.text.replace(/\s+/g, ' ').trim() };
}
