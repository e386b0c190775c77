/**
 * The alphabet of appointment codes a customer or owner types ("done K7WM"). No look-alikes:
 * 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V are left out. booking/ makes codes from it; dialogs/
 * recognises them in messages.
 */
export const REFERENCE_ALPHABET = 'ACEFGHJKMNPRTWXY34679';
