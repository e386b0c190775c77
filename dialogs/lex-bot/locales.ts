import type { Locale } from '../../core/locale';
import type { LexLocaleId } from './types';

/** The Lex locale each of our languages is served by: Latin American Spanish for the clinics. */
export const LEX_LOCALE_IDS: Readonly<Record<Locale, LexLocaleId>> = { en: 'en_US', es: 'es_419' };

export interface LocaleQuota {
  intents: number;
  customSlotTypes: number;
  /** Characters of all sample utterances in the locale. */
  utteranceCharacters: number;
}

/** Lex V2's per-locale quotas (the Spanish locales have the smaller ones). */
export const LOCALE_QUOTAS: Readonly<Record<LexLocaleId, LocaleQuota>> = {
  en_US: { intents: 1000, customSlotTypes: 250, utteranceCharacters: 2_000_000 },
  es_419: { intents: 250, customSlotTypes: 100, utteranceCharacters: 200_000 },
};

/** Quotas every locale shares. */
export const COMMON_QUOTAS = {
  utterancesPerIntent: 1500,
  utteranceLength: 500,
  /** Slot values and their synonyms, counted over every slot type of a locale. */
  slotValuesAndSynonyms: 50_000,
  slotValueLength: 140,
} as const;
