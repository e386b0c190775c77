import { editDistance, typoAllowance } from './edit-distance';
import { fold, wordsOf, type Word } from './text';

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

function wordTypos(said: string, wanted: string, fuzzy: boolean): number | null {
  if (said === wanted) return 0;
  if (!fuzzy || /\d/.test(said) || /\d/.test(wanted)) return null;
  const allowed = typoAllowance(Math.min(said.length, wanted.length));
  if (allowed === 0) return null;
  const distance = editDistance(said, wanted, allowed);
  return distance <= allowed ? distance : null;
}

function matchAt<K>(words: Word[], at: number, phrase: Phrase<K>, fuzzy: boolean): PhraseMatch<K> | null {
  if (at + phrase.words.length > words.length) return null;
  let typos = 0;
  for (let j = 0; j < phrase.words.length; j++) {
    const said = singular(words[at + j].text);
    const base = undiminished(said);
    const found = wordTypos(said, phrase.words[j], fuzzy) ?? (base === phrase.words[j] ? 1 : null);
    if (found === null) return null;
    typos += found;
  }
  const last = words[at + phrase.words.length - 1];
  // A typo costs a letter and a half: "doctor" stays Dr. Pérez rather than a fuzzy "doctora", while
  // "pediatrica" (one letter off "pediatrico") still beats an exact but shorter "consulta".
  return { key: phrase.key, start: words[at].start, end: last.end, score: phrase.size - 1.5 * typos, typos, generic: phrase.generic };
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
export function bestPhraseMatch<K>(folded: string, phrases: readonly Phrase<K>[], fuzzy: boolean): PhraseMatch<K> | null {
  const words = wordsOf(folded);
  let best: PhraseMatch<K> | null = null;
  for (const phrase of phrases) {
    for (let at = 0; at < words.length; at++) {
      const match = matchAt(words, at, phrase, fuzzy);
      if (match && better(match, best)) best = match;
    }
  }
  return best;
}
