import { REFERENCE_ALPHABET } from '../../../core/reference-code';
import type { NluContext } from '../types';
import { type MaskedText, matchesOf } from './text';

/**
 * An appointment code typed by the customer ("cancel K7WM", "ref: k7wm"). Codes are 4-6 characters
 * from booking's look-alike-free alphabet. A code with letters and digits is unmistakable; an
 * all-letter one only counts when typed in capitals inside a message that is not shouting, or
 * when the bot asked for the code. The bot checks the code against real appointments, so a rare
 * false find costs one reply.
 */

const CODE_CHARS = new RegExp(`^[${REFERENCE_ALPHABET}]+$`);

const TOKEN = /(?<![\p{L}\p{N}])[\p{L}\p{N}]{4,6}(?![\p{L}\p{N}])/gu;
/** Numbers, times and ordinals spelled with code characters ("7777", "7th", "4pm"). */
const NOT_A_CODE = /^(?:\d+|\d{1,2}(?:am|pm|h|hrs?|th))$/i;
/** Words spelled only with code characters that people type in capitals for emphasis. */
const CAPITAL_WORDS = new Set([
  'PARAR',
  'THAT',
  'WHAT',
  'WANT',
  'NEXT',
  'TEXT',
  'THEN',
  'WHEN',
  'HERE',
  'THERE',
  'WHERE',
  'NEVER',
  'AFTER',
  'ANYWAY',
]);

/** 0 is surest; null is not a code. */
function rankOf(token: string, asked: boolean, shouting: boolean): number | null {
  if (NOT_A_CODE.test(token) || !CODE_CHARS.test(token.toUpperCase())) return null;
  const hasDigit = /\d/.test(token);
  const hasLetter = /[A-Za-z]/.test(token);
  if (hasDigit && hasLetter) return 0;
  if (hasLetter && !shouting && token === token.toUpperCase() && !CAPITAL_WORDS.has(token)) return 1;
  return asked ? 2 : null;
}

export function extractReference(masked: MaskedText, context: Pick<NluContext, 'expecting'>): string | null {
  // When the bot asked for the code, a lone lower-case word ("k7wm", "kxtm") is the answer.
  const asked = context.expecting === 'reference' && masked.original.trim().split(/\s+/).length === 1;
  const letters = masked.original.replace(/[^A-Za-z]/g, '');
  const shouting = letters.length > 6 && letters === letters.toUpperCase();
  let best: { rank: number; start: number; end: number } | null = null;
  for (const match of matchesOf(TOKEN, masked.text)) {
    const end = match.index + match[0].length;
    const rank = rankOf(masked.original.slice(match.index, end), asked, shouting);
    if (rank !== null && (!best || rank < best.rank)) best = { rank, start: match.index, end };
  }
  if (!best) return null;
  masked.mask(best.start, best.end);
  return masked.original.slice(best.start, best.end).toUpperCase();
}
