import { randomInt } from 'node:crypto';
import { REFERENCE_ALPHABET } from '../core/reference-code';

/** A fresh appointment code; callers lengthen it when a business's active codes start to collide. */
export function newReference(length = 4): string {
  let code = '';
  for (let i = 0; i < length; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

/** Collisions only grow likely for a business with many active visits: codes lengthen after a few. */
export function referenceLength(attempt: number): number {
  return attempt < 3 ? 4 : attempt < 6 ? 5 : 6;
}
