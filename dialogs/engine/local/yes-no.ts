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
  /** The word itself, stretchable, as a pattern source. */
  source: string;
  /** Its first character: the message has it where the word starts. */
  first: string;
  /** The word at the start of a message. */
  pattern: RegExp;
}

const SHORT = 2;

/** "hmm no", "oh yes", "pues sí": a sound made while deciding comes before the answer itself. */
const FILLER =
  '(?:(?:h?m{2,}|hm+|u+m+|u+h+|a+h+|o+h+|e+h+|well|pues|actually|oh wait|wait|mejor|en realidad)[\\s,.!]+)?';

/** "síii", "yesss", "nooo": each letter may be typed more than once; "that's" may be "that s". */
function stretchable(word: string): string {
  return [...word]
    .map((ch) => (ch === ' ' ? "[\\s'’-]+" : /\p{L}/u.test(ch) ? `${escapeRegExp(ch)}+` : escapeRegExp(ch)))
    .join('');
}

/** The pattern of an answer word at the start of a message. */
function answerPattern(alternatives: readonly string[]): RegExp {
  return new RegExp(`^[\\s¡¿"',.!]*${FILLER}(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

const WORDS: readonly AnswerWord[] = ANSWER_VALUES.flatMap((value) =>
  Object.values(value.synonyms)
    .flat()
    .map((word) => ({ answer: value.value as 'yes' | 'no', folded: /\p{L}|\p{N}/u.test(word) ? fold(word) : word })),
)
  // Longest first, so "no thanks" and "no problem" are tried before "no".
  .sort((a, b) => b.folded.length - a.folded.length)
  .filter((w, i, all) => all.findIndex((o) => o.folded === w.folded) === i)
  .map(({ answer, folded }) => {
    const source = stretchable(folded);
    return {
      answer,
      // A leading "no" is an answer whatever follows ("no that doesn't work"); "ya", "ok", "si" are not.
      short: folded.length <= SHORT && folded !== 'no',
      source,
      first: String.fromCodePoint(folded.codePointAt(0) ?? 0),
      pattern: answerPattern([source]),
    };
  });

/**
 * Every word's pattern in one: it matches exactly when one of theirs does (the alternation is
 * tried in full), so most messages, which start with no answer word, are turned away in one test.
 */
const ANY_WORD = answerPattern(WORDS.map((w) => w.source));
/** Per answer, its words that need no backing up: "si perfecto" is backed by "perfecto". */
const BACKING: Readonly<Record<'yes' | 'no', RegExp>> = {
  yes: answerPattern(WORDS.filter((w) => w.answer === 'yes' && !w.short).map((w) => w.source)),
  no: answerPattern(WORDS.filter((w) => w.answer === 'no' && !w.short).map((w) => w.source)),
};

/**
 * Where an answer word may start: at the very start, or after a space or a mark (what the
 * opening marks and a filler such as "hmm," end with). Its first character is one of these.
 */
const OPENING_CHAR = /(?<=^|[\s¡¿"',.!])./gsu;

/** Pleasantries that may follow a bare answer without making it less bare. */
const COURTESY = /^[\s,.!]*(?:please|pls|thanks|thank you|thx|por favor|porfa|gracias|po)?[\s,.!]*$/u;

interface Found {
  answer: 'yes' | 'no';
  length: number;
  /** Nothing but courtesy follows: the message is only the answer. */
  bare: boolean;
}

function findAnswer(text: string): Found | null {
  if (!ANY_WORD.test(text)) return null;
  const openers = new Set(text.match(OPENING_CHAR));
  for (const word of WORDS) {
    // A word whose first character opens no word of the message cannot match: skip its pattern.
    if (!openers.has(word.first)) continue;
    const match = word.pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length);
    const bare = COURTESY.test(rest);
    // A short word is taken only when nothing but courtesy follows, punctuation closes it or
    // another answer word of the same meaning backs it up ("si perfecto", "ok thanks").
    if (word.short && !bare && !/^\s*[,.!;:]/.test(rest) && !BACKING[word.answer].test(rest)) continue;
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
