/**
 * Sample utterances as Lex takes them. Our samples may be written naturally ("can you do 3pm?");
 * Lex allows no punctuation in an utterance beyond apostrophes and periods, so the rest becomes
 * a space. A `{slot}` reference is kept as written.
 */

export const SLOT_REFERENCE = /\{([^{}]*)\}/g;

/** What may stand in an utterance outside its `{slot}` references. */
export const UTTERANCE_TEXT = /^[\p{L}\p{N} '.]*$/u;

/** The slots an utterance names, in order, repeats included. */
export function slotsNamedIn(utterance: string): string[] {
  return [...utterance.matchAll(SLOT_REFERENCE)].map((m) => m[1]);
}

/** The text of an utterance without its slot references. */
export function textOutsideSlots(utterance: string): string {
  return utterance.replace(SLOT_REFERENCE, ' ');
}

/** For comparing utterances: Lex treats case and spacing as the same utterance. */
export function utteranceKey(utterance: string): string {
  return utterance.toLowerCase().replace(/\s+/g, ' ').trim();
}

function cleanText(text: string): string {
  return text.replace(/[\u2018\u2019]/g, "'").replace(/[^\p{L}\p{N} '.]+/gu, ' ');
}

/**
 * The sample as a Lex utterance, or null when Lex cannot learn from it: one that names the same
 * slot twice ("can't make it {date} can we do {date}") teaches two values for one slot, so it
 * stays a sample of the local engine only.
 */
export function lexUtterance(sample: string): string | null {
  const slots = slotsNamedIn(sample);
  if (new Set(slots).size !== slots.length) return null;
  let out = '';
  let last = 0;
  for (const match of sample.matchAll(SLOT_REFERENCE)) {
    out += `${cleanText(sample.slice(last, match.index))}{${match[1]}}`;
    last = match.index + match[0].length;
  }
  out += cleanText(sample.slice(last));
  const utterance = out.replace(/\s+/g, ' ').trim();
  return utterance === '' ? null : utterance;
}
