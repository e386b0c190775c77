import { editDistance, typoAllowance } from './edit-distance';
import { fold, wordsOf } from './text';

/**
 * Finds catalog phrases (service names, synonyms, staff aliases) in a message, tolerant of
 * case, accents, plurals and small typos. Services and staff both use it.
 */

export interface Phrase<K> {
  key: K;
  words: string[];
  /** Letters in the phrase: longer phrases are more specific, so they win. */
  size: number;
  /** A word that names any booking ("hora", "appointment"), not one service. */
  generic: boolean;
}

export interface PhraseMatch<K> {
  key: K;
  start: number;
  end: number;
  score: number;
  typos: number;
  generic: boolean;
}

/**
 * "frenos" → "freno", "batteries" → "battery": enough for en and es catalog words; "del" is
 * "de" + "el", so "luz del motor" is the catalog's "luz de motor".
 */
function singular(word: string): string {
  if (word === 'del') return 'de';
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * A Spanish diminutive's base ("guagüita" → "guagua", "hijito" → "hijo"), or null. Tried only
 * exactly and only on the customer's words: a catalog word is never a diminutive.
 */
function undiminished(word: string): string | null {
  const match = /^(\p{L}{3,})it([ao])$/u.exec(word);
  return match && match[1] + match[2];
}

export function phraseOf<K>(key: K, text: string): Phrase<K> | null {
  const words = fold(text).split(' ').filter(Boolean).map(singular);
  if (words.length === 0) return null;
  return { key, words, size: words.join('').length, generic: false };
}

/** A word of the message, with the forms every phrase compares it by (worked out once per message). */
interface SaidWord {
  /** The singular of the folded word. */
  text: string;
  /** Its diminutive's base, or null. */
  base: string | null;
  hasDigit: boolean;
  start: number;
  end: number;
}

const DIGIT = /\d/;

// The last text read and its words: a message is matched against service names, other
// languages' synonyms and staff, mostly with the very same text. The words depend on the text alone.
let lastFolded: string | null = null;
let lastWords: readonly SaidWord[] = [];

function saidWordsOf(folded: string): readonly SaidWord[] {
  if (folded !== lastFolded) {
    lastWords = wordsOf(folded).map(({ text, start, end }) => {
      const said = singular(text);
      return { text: said, base: undiminished(said), hasDigit: DIGIT.test(said), start, end };
    });
    lastFolded = folded;
  }
  return lastWords;
}

/** The typos between two different words, or null when there are too many to be the same word. */
function typosBetween(said: SaidWord, wanted: string): number | null {
  // Cheapest refusals first (most words are short, and a short word allows no typo); each alone
  // means no match, so their order changes nothing.
  const allowed = typoAllowance(Math.min(said.text.length, wanted.length));
  if (allowed === 0 || Math.abs(said.text.length - wanted.length) > allowed) return null;
  if (said.hasDigit || DIGIT.test(wanted)) return null;
  const distance = editDistance(said.text, wanted, allowed);
  return distance <= allowed ? distance : null;
}

/** The typos it takes to read a word of the message as a catalog word, or null when it cannot be. */
function costAs(said: SaidWord, wanted: string, fuzzy: boolean): number | null {
  if (said.text === wanted) return 0;
  const typos = fuzzy ? typosBetween(said, wanted) : null;
  if (typos !== null) return typos;
  return said.base === wanted ? 1 : null;
}

function matchAt<K>(words: readonly SaidWord[], at: number, phrase: Phrase<K>, fuzzy: boolean): PhraseMatch<K> | null {
  if (at + phrase.words.length > words.length) return null;
  let typos = 0;
  for (let j = 0; j < phrase.words.length; j++) {
    const found = costAs(words[at + j], phrase.words[j], fuzzy);
    if (found === null) return null;
    typos += found;
  }
  const last = words[at + phrase.words.length - 1];
  // A typo costs a letter and a half: "doctor" stays Dr. Pérez rather than a fuzzy "doctora", while
  // "pediatrica" (one letter off "pediatrico") still beats an exact but shorter "consulta".
  return {
    key: phrase.key,
    start: words[at].start,
    end: last.end,
    score: phrase.size - 1.5 * typos,
    typos,
    generic: phrase.generic,
  };
}

function better<K>(a: PhraseMatch<K>, b: PhraseMatch<K> | null): boolean {
  if (!b) return true;
  // Any specific phrase ("hijo") beats a generic one ("hora") whatever their lengths.
  if (a.generic !== b.generic) return !a.generic;
  if (a.score !== b.score) return a.score > b.score;
  if (a.typos !== b.typos) return a.typos < b.typos;
  return a.start < b.start;
}

/** The best phrase found in the folded text, or null. */
export function bestPhraseMatch<K>(
  folded: string,
  phrases: readonly Phrase<K>[],
  fuzzy: boolean,
): PhraseMatch<K> | null {
  const words = saidWordsOf(folded);
  let best: PhraseMatch<K> | null = null;
  for (const phrase of phrases) {
    for (let at = 0; at < words.length; at++) {
      const match = matchAt(words, at, phrase, fuzzy);
      if (match && better(match, best)) best = match;
    }
  }
  return best;
}
