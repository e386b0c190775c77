import { ANSWER_VALUES } from '../../definition/slots';
import { escapeRegExp, fold, type MaskedText } from './text';

/**
 * Yes or no at the start of a message ("sí, a las 3 me sirve", "no thanks"). The words are the
 * Answer slot type's, so Lex and the local engine accept the same ones. Very short words ("c",
 * "ya", "ok") count only alone or before punctuation: "ya tengo hora" is not a yes.
 */

interface AnswerWord {
  answer: 'yes' | 'no';
  short: boolean;
  pattern: RegExp;
}

const SHORT = 2;

/** "hmm no", "oh yes", "pues sí": a sound made while deciding comes before the answer itself. */
const FILLER = '(?:(?:h?m{2,}|hm+|u+m+|u+h+|a+h+|o+h+|e+h+|well|pues|actually|oh wait|wait|mejor|en realidad)[\\s,.!]+)?';

/** "síii", "yesss", "nooo": each letter may be typed more than once; "that's" may be "that s". */
function stretchable(word: string): string {
  return [...word].map((ch) => (ch === ' ' ? "[\\s'’-]+" : /\p{L}/u.test(ch) ? `${escapeRegExp(ch)}+` : escapeRegExp(ch))).join('');
}

const WORDS: readonly AnswerWord[] = ANSWER_VALUES.flatMap((value) =>
  Object.values(value.synonyms)
    .flat()
    .map((word) => ({ answer: value.value as 'yes' | 'no', folded: /\p{L}|\p{N}/u.test(word) ? fold(word) : word })),
)
  // Longest first, so "no thanks" and "no problem" are tried before "no".
  .sort((a, b) => b.folded.length - a.folded.length)
  .filter((w, i, all) => all.findIndex((o) => o.folded === w.folded) === i)
  .map(({ answer, folded }) => ({
    answer,
    // A leading "no" is an answer whatever follows ("no that doesn't work"); "ya", "ok", "si" are not.
    short: folded.length <= SHORT && folded !== 'no',
    pattern: new RegExp(`^[\\s¡¿"',.!]*${FILLER}${stretchable(folded)}(?![\\p{L}\\p{N}])`, 'u'),
  }));

/** Pleasantries that may follow a bare answer without making it less bare. */
const COURTESY = /^[\s,.!]*(?:please|pls|thanks|thank you|thx|por favor|porfa|gracias|po)?[\s,.!]*$/u;

interface Found {
  answer: 'yes' | 'no';
  length: number;
  /** Nothing but courtesy follows: the message is only the answer. */
  bare: boolean;
}

function findAnswer(text: string): Found | null {
  for (const word of WORDS) {
    const match = word.pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length);
    const bare = COURTESY.test(rest);
    // A short word is taken only when nothing but courtesy follows, punctuation closes it or
    // another answer word of the same meaning backs it up ("si perfecto", "ok thanks").
    if (word.short && !bare && !/^\s*[,.!;:]/.test(rest) && !WORDS.some((w) => w.answer === word.answer && !w.short && w.pattern.test(rest))) continue;
    return { answer: word.answer, length: match[0].length, bare };
  }
  return null;
}

/** The answer when the folded text is nothing but one ("nothing", "no thanks", "sí po"). */
export function bareAnswer(folded: string): 'yes' | 'no' | null {
  const found = findAnswer(folded);
  return found?.bare ? found.answer : null;
}

export function extractAnswer(masked: MaskedText): 'yes' | 'no' | null {
  const found = findAnswer(masked.text);
  if (!found) return null;
  masked.mask(0, found.length);
  return found.answer;
}
