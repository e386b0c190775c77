/**
 * Text helpers every recogniser shares. Recognisers work on a folded copy (lower case, no
 * accents) that has exactly the original's length, so a position found in the folded copy is
 * also the position of the customer's own spelling ("Pérez", "12 Oak St") in the original.
 */

/** Text with nothing beyond ASCII: it has no accents to strip, and lowering keeps its length. */
const ASCII = /^[\p{ASCII}]*$/u;

/** Each character's folded form is always the same, so it is worked out once; the cap bounds memory. */
const foldedChars = new Map<string, string>();
const MAX_FOLDED_CHARS = 4096;

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    const lowered = ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    // A few characters change length when lowered ("İ"); keep those as they are.
    folded = lowered.length === ch.length ? lowered : ch;
    if (foldedChars.size >= MAX_FOLDED_CHARS) foldedChars.clear();
    foldedChars.set(ch, folded);
  }
  return folded;
}

/** Lower case without accents, one output unit per input unit ("Mañana" → "manana"). */
export function foldSameLength(text: string): string {
  // Most messages are plain ASCII: lowering the whole string folds it the same way, at once.
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** A same-length folded text with punctuation as spaces, single spaces: for comparing phrases. */
export function wordsOnly(sameLength: string): string {
  return sameLength.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Lower case, no accents, punctuation as spaces, single spaces: for comparing phrases. */
export function fold(text: string): string {
  return wordsOnly(foldSameLength(text.normalize('NFC')));
}

export interface Word {
  /** Folded form. */
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words (letters and digits) of a folded text with their positions. */
export function wordsOf(folded: string): Word[] {
  return matchesOf(WORD, folded).map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * Every match of a global pattern, as `text.matchAll(pattern)` lists them for a pattern left at
 * lastIndex 0, without the copy of the pattern matchAll makes on every call. The pattern is left
 * at lastIndex 0 again.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${pattern}`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    // An empty match would be found again: step past it (a whole character in unicode mode), as matchAll does.
    if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, /[uv]/.test(pattern.flags));
  }
  pattern.lastIndex = 0;
  return matches;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  return index + ((text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
}

/**
 * The message as recognisers consume it: each one blanks out what it understood, so "good
 * morning" is not read as a part of day and "12 Oak St" not as a time.
 */
export class MaskedText {
  readonly original: string;
  /** The folded text before anything was blanked out: the words around a find. */
  readonly folded: string;
  private current: string;

  constructor(text: string) {
    this.original = text.normalize('NFC');
    this.folded = foldSameLength(this.original);
    this.current = this.folded;
  }

  /** The folded text with everything consumed so far replaced by spaces. */
  get text(): string {
    return this.current;
  }

  mask(start: number, end: number): void {
    this.current = this.current.slice(0, start) + ' '.repeat(end - start) + this.current.slice(end);
  }

  /** Replaces a span with text of the same length ("15h30" → "15:30"), keeping positions valid. */
  rewrite(start: number, replacement: string): void {
    this.current = this.current.slice(0, start) + replacement + this.current.slice(start + replacement.length);
  }

  /** The first match of a pattern in what is left, blanked out once found. */
  takeFirst(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = 0;
    const match = pattern.exec(this.current);
    if (match) this.mask(match.index, match.index + match[0].length);
    return match;
  }

  /** The customer's own spelling of a span, trimmed of spaces and trailing punctuation. */
  originalAt(start: number, end: number): string {
    return tidy(this.original.slice(start, end));
  }
}

function tidy(text: string): string {
  return text.replace(/^[\s,.;:!?¿¡-]+|[\s,.;:!?¿¡-]+$/g, '').replace(/\s+/g, ' ');
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `(?<![\p{L}\p{N}])` … `(?![\p{L}\p{N}])`: a whole-word pattern that also works next to accents. */
export function wholeWords(source: string, flags = 'gu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
}
