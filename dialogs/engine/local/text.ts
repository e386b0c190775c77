/**
 * Text helpers every recogniser shares. Recognisers work on a folded copy (lower case, no
 * accents) that has exactly the original's length, so a position found in the folded copy is
 * also the position of the customer's own spelling ("Pérez", "12 Oak St") in the original.
 */

/** Lower case without accents, one output unit per input unit ("Mañana" → "manana"). */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    // A few characters change length when lowered ("İ"); keep those as they are.
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

/** Lower case, no accents, punctuation as spaces, single spaces: for comparing phrases. */
export function fold(text: string): string {
  return foldSameLength(text.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Word {
  /** Folded form. */
  text: string;
  start: number;
  end: number;
}

/** Words (letters and digits) of a folded text with their positions. */
export function wordsOf(folded: string): Word[] {
  return [...folded.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
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
