import type { Slot } from '@aws-sdk/client-lex-runtime-v2';
import { REFERENCE_ALPHABET } from '../../../core/reference-code';
import { matchService, matchStaff } from '../local/catalog-match';
import { foldSameLength } from '../local/text';
import type { NluContext, Understanding } from '../types';
import type { LexReading } from './read-intent';

/**
 * Lex's slot values read against the catalog of the business that was texted. One bot holds every
 * business's words, so a resolved value is matched with the local engine's own catalog matching,
 * first as Lex resolved it, then as the customer wrote it; a value of another business's catalog
 * matches nothing here and the local reading stands.
 */

/** The words a slot holds: as Lex resolved them, then as written. */
export function wordsOf(slot: Slot | null | undefined): string[] {
  const value = slot?.value;
  if (!value) return [];
  return [value.interpretedValue, ...(value.resolvedValues ?? []), value.originalValue].filter(
    (w): w is string => typeof w === 'string' && w.trim() !== '',
  );
}

function serviceOf(reading: LexReading, context: NluContext, locale: Understanding['locale']): string | null {
  for (const words of wordsOf(reading.slots.service)) {
    const match = matchService(foldSameLength(words), context.services, locale, context.locales);
    // "hora", "appointment" name the catalog's service only when booking, as the local engine reads them.
    if (match) return match.generic && reading.intent !== 'Book' ? null : match.key;
  }
  return null;
}

function staffOf(reading: LexReading, context: NluContext): string | null {
  for (const words of wordsOf(reading.slots.staff)) {
    const match = matchStaff(foldSameLength(words), context.staff);
    if (match) return match.key;
  }
  return null;
}

const CODE = new RegExp(`^[${REFERENCE_ALPHABET}]{4,6}$`);

export interface SlotReadings {
  serviceKey: string | null;
  staffKey: string | null;
  choice: number | null;
  answer: 'yes' | 'no' | null;
  reference: string | null;
}

export function readSlots(reading: LexReading, context: NluContext, locale: Understanding['locale']): SlotReadings {
  const choice = Number(reading.slots.choice?.value?.interpretedValue);
  const answer = reading.slots.answer?.value?.interpretedValue;
  const reference = reading.slots.reference?.value?.interpretedValue?.toUpperCase() ?? '';
  return {
    serviceKey: serviceOf(reading, context, locale),
    staffKey: staffOf(reading, context),
    choice: Number.isInteger(choice) && choice >= 1 && choice <= (context.offeredCount ?? 0) ? choice : null,
    answer: answer === 'yes' || answer === 'no' ? answer : null,
    reference: CODE.test(reference) ? reference : null,
  };
}
