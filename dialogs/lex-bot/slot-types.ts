import type { Locale } from '../../core/locale';
import { fold } from '../engine/local/text';
import { SLOTS, type SlotDefinition } from '../definition/slots';
import type { LexBotInput } from './catalogs';
import { COMMON_QUOTAS } from './locales';
import type { LexSlotType, LexSlotTypeValue } from './types';

/**
 * The custom slot types of one locale. One bot serves every business, so Service and Staff hold
 * the words of all their catalogs; the engine maps what Lex resolved back onto the catalog of the
 * business that was texted, so a word two businesses share is harmless. A word can belong to one
 * value only, and a value needs a letter or digit (emoji stay with the local engine).
 */

interface Words {
  value: string;
  synonyms: string[];
}

const USABLE = /[\p{L}\p{N}]/u;

function usable(word: string): boolean {
  return USABLE.test(word) && word.length <= COMMON_QUOTAS.slotValueLength;
}

/** Values in order, merged by their folded form, each word kept by the first value that has it. */
function toSlotTypeValues(words: Words[]): LexSlotTypeValue[] {
  const taken = new Set<string>();
  const merged = new Map<string, { value: string; synonyms: string[] }>();
  for (const { value, synonyms } of words.filter((w) => usable(w.value))) {
    const key = fold(value);
    let entry = merged.get(key);
    if (!entry) {
      if (taken.has(key)) continue;
      entry = { value, synonyms: [] };
      merged.set(key, entry);
      taken.add(key);
    }
    for (const synonym of synonyms.filter(usable)) {
      if (taken.has(fold(synonym))) continue;
      taken.add(fold(synonym));
      entry.synonyms.push(synonym);
    }
  }
  return [...merged.values()].map(({ value, synonyms }) => ({
    sampleValue: { value },
    ...(synonyms.length > 0 ? { synonyms: synonyms.map((s) => ({ value: s })) } : {}),
  }));
}

function serviceWords(input: LexBotInput, locale: Locale): Words[] {
  return input.businesses.flatMap((business) =>
    business.services
      .filter((s) => s.active !== false)
      .map((s) => {
        const names = Object.values(s.names).filter((n): n is string => Boolean(n));
        const value = s.names[locale] ?? names[0];
        return { value, synonyms: [...names, ...(s.synonyms[locale] ?? [])].filter((w) => w !== value) };
      }),
  );
}

function staffWords(input: LexBotInput): Words[] {
  return input.businesses.flatMap((business) =>
    business.staff.filter((m) => m.active !== false).map((m) => ({ value: m.name, synonyms: [...m.aliases] })),
  );
}

function wordsOf(slot: SlotDefinition, input: LexBotInput, locale: Locale): Words[] {
  const { type } = slot;
  if (type.kind === 'catalog') return type.source === 'services' ? serviceWords(input, locale) : staffWords(input);
  if (type.kind === 'values') return type.values.map((v) => ({ value: v.value, synonyms: [...v.synonyms[locale]] }));
  return [];
}

export function customSlotTypes(input: LexBotInput, locale: Locale): LexSlotType[] {
  const custom = Object.values(SLOTS).filter((slot) => slot.type.kind !== 'builtin');
  const byType = new Map(custom.map((slot) => [slot.type.lexName, slot]));
  return [...byType.values()].map((slot) => ({
    name: slot.type.lexName,
    description: slot.description,
    slotTypeValues: toSlotTypeValues(wordsOf(slot, input, locale)),
    valueSelectionSetting: { resolutionStrategy: 'TOP_RESOLUTION' },
  }));
}
