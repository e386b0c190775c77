import type { NluContext } from '../types';
import { type MaskedText, wholeWords } from './text';

/**
 * Picking one of the offered slots: "2", "#2", "option 2", "the second one", "la segunda",
 * "la 2". Only read when options were just offered, so "2" elsewhere stays a possible time.
 */

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  primera: 1,
  primero: 1,
  segunda: 2,
  segundo: 2,
  tercera: 3,
  tercero: 3,
  cuarta: 4,
  quinta: 5,
  quinto: 5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
};
const LAST = /^(?:last|ultima|ultimo)$/;
/** "the middle one", "la del medio": the middle of an odd number of options. */
const MIDDLE = /^(?:middle|medio)$/;

const PATTERNS: readonly RegExp[] = [
  // The whole message is the number: "2", "#2", "2.", "2!"
  /^\s*#?\s*(\d)\s*[.!)]*\s*$/u,
  wholeWords('(?:option|opcion|number|numero|nro|no\\.|#)\\s*#?\\s*(\\d)'),
  wholeWords('(?:the\\s+)?(\\d)(?:st|nd|rd|th)(?:\\s+one)?'),
  // "la 2", "el 2" but not "a la 1" (one o'clock) nor "el 2 de diciembre".
  wholeWords('(?<!\\ba\\s)(?:la|el)\\s+(\\d)(?!\\s*(?::|h\\b|hrs|de\\s|y\\s|pm|am))'),
  // "2 please", "2 pls", "2 works", "2 por favor" but not "2pm", "2p", "2:30", "2 de la tarde".
  /^\s*#?(\d)(?![\d:.]|\s*(?:am|pm|a\.?m|p\.?m|p|a|h|hrs?|o'?clock)(?![\p{L}])|\s*(?:de|y|en|in)\s)/u,
  wholeWords(
    '(?:the\\s+|la\\s+|el\\s+|option\\s+|opcion\\s+)?(first|second|third|fourth|fifth|primera|primero|segunda|segundo|tercera|tercero|cuarta|quinta|quinto|last|ultima|ultimo|middle)(?:\\s+(?:one|option|opcion))?',
  ),
  wholeWords('(?:la|el)\\s+del\\s+(medio)'),
  // Number words only alone: "two" in a sentence is too often something else. "la dos" answers
  // "¿cuál le acomoda?" (the option), though chrono would read it as two o'clock.
  /^\s*(?:option\s+|opcion\s+|la\s+|el\s+)?(one|two|three|four|five|uno|una|dos|tres|cuatro|cinco)\s*[.!]*\s*$/u,
];

function numberOf(word: string, offered: number): number | null {
  if (/^\d$/.test(word)) return Number(word);
  if (LAST.test(word)) return offered > 0 ? offered : null;
  if (MIDDLE.test(word)) return offered % 2 === 1 ? (offered + 1) / 2 : null;
  return ORDINALS[word] ?? null;
}

export function extractChoice(
  masked: MaskedText,
  context: Pick<NluContext, 'expecting' | 'offeredCount'>,
): number | null {
  const offered = context.offeredCount ?? 0;
  if (context.expecting !== 'choice' && offered === 0) return null;
  const highest = offered > 0 ? offered : 9;
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(masked.text);
    if (!match) continue;
    const choice = numberOf(match[1], offered);
    if (choice === null || choice < 1 || choice > highest) continue;
    masked.mask(match.index, match.index + match[0].length);
    return choice;
  }
  return null;
}
