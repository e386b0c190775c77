import { type MaskedText, matchesOf, wholeWords } from './text';

/**
 * Hellos and thanks. They are blanked out before dates are read, so "good morning" and "buenas
 * tardes" are not taken for parts of the day.
 */

/** Words that can follow "morning" in a request rather than a greeting ("morning works, right?"). */
const NOT_SALUTED =
  'slots?|spots?|times?|appointments?|appts?|works?|ok|okay|is|would|could|please|pls|only|tomorrow|today|then|instead|better|preferably|if|or|and|at|around|maybe|fine|good|great|' +
  'mon\\w*|tue\\w*|wed\\w*|thu\\w*|fri\\w*|sat\\w*|sun\\w*';

const GREETING = wholeWords(
  'hi+|hell?o+|hey+|hiya|howdy|yo|good (?:morning|afternoon|evening|day)|hola+|holi+s?|buenas(?: tardes| noches)?|buenos dias|buen dia|alo|que tal|saludos' +
    // "Morning!" and "morning Edgar," open a message the way "good morning" does; "morning?",
    // "morning slots, any?" and "morning friday" ask for one.
    `|^\\s*(?:morning|mornin|afternoon|evening)(?=\\s*[!,]|\\s+(?!(?:${NOT_SALUTED})\\s*(?:[!,]|$))\\p{L}+\\s*(?:[!,]|$))`,
);
const GREETING_AT_START = new RegExp(`^[\\s¡!¿,.]*${GREETING.source}`, 'u');
const THANKS_WORDS =
  'thanks+|thank you|thank u|thx|ty|tysm|appreciate it|much appreciated|cheers|muchas gracias|mil gracias|gracia+s+|vale gracias|se agradece|muy amable';
const THANKS = wholeWords(THANKS_WORDS);
const ONLY_THANKS = new RegExp(`^[\\s!.,🙏]*(?:ok\\s+|okay\\s+|vale\\s+)?(?:${THANKS_WORDS})[\\s!.,🙏]*$`, 'u');

/** "thanks!", "ok gracias": nothing but thanks (never a name or an address). */
export function isOnlyThanks(folded: string): boolean {
  return ONLY_THANKS.test(folded);
}

export interface Pleasantries {
  greeting: boolean;
  thanks: boolean;
}

function consume(masked: MaskedText, pattern: RegExp): boolean {
  let found = false;
  for (const match of matchesOf(pattern, masked.text)) {
    masked.mask(match.index, match.index + match[0].length);
    found = true;
  }
  return found;
}

export function extractPleasantries(masked: MaskedText): Pleasantries {
  // A hello opens a message; "my cousin says hi" is not one.
  const opening = /^[\s¡!¿,.]*$/.test(masked.text.slice(0, masked.text.search(/[\p{L}\p{N}]/u)));
  const startsWithGreeting = opening && GREETING_AT_START.test(masked.text);
  const greeted = consume(masked, GREETING);
  return { greeting: greeted && startsWithGreeting, thanks: consume(masked, THANKS) };
}
