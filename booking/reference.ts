import { randomInt } from 'node:crypto';

/**
 * Short codes a customer or owner can type ("done K7WM"). No look-alikes: 0/O/D/Q, 1/I/L,
 * 2/Z, 5/S, 8/B, U/V are left out.
 */
export const REFERENCE_ALPHABET = 'ACEFGHJKMNPRTWXY34679';

export function newReference(length = 4): string {
  let code = '';
  for (let i = 0; i < length; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return code;
}

/** Normalises what a person typed ("k7qm ", "K-7QM") to the stored form, or null. */
export function parseReference(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{4,6}$/.test(code) ? code : null;
}
