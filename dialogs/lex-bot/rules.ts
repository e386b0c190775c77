import { fold } from '../engine/local/text';
import { COMMON_QUOTAS, LOCALE_QUOTAS } from './locales';
import type { LexBotDefinition, LexBotLocale, LexIntent } from './types';
import { slotsNamedIn, textOutsideSlots, UTTERANCE_TEXT, utteranceKey } from './utterances';

/**
 * Lex V2's rules for a bot locale, checked before anything is deployed: a definition that breaks
 * one would fail the locale's build in the cloud, long after the change that caused it.
 */

export const LEX_NAME = /^([0-9a-zA-Z][_-]?){1,100}$/;

/** Built-in slot types Lex fills only when it elicits them, never from an utterance. */
const ELICIT_ONLY = new Set(['AMAZON.FreeFormInput']);

function utteranceProblems(intent: LexIntent, at: string): string[] {
  const problems: string[] = [];
  const slots = new Map((intent.slots ?? []).map((s) => [s.name, s]));
  for (const { utterance } of intent.sampleUtterances ?? []) {
    if (utterance.length > COMMON_QUOTAS.utteranceLength)
      problems.push(`${at}: "${utterance}" is longer than ${COMMON_QUOTAS.utteranceLength} characters`);
    if (!UTTERANCE_TEXT.test(textOutsideSlots(utterance)))
      problems.push(`${at}: "${utterance}" has punctuation Lex does not allow`);
    const named = slotsNamedIn(utterance);
    if (new Set(named).size !== named.length) problems.push(`${at}: "${utterance}" names a slot twice`);
    for (const name of named) {
      const slot = slots.get(name);
      if (!slot) problems.push(`${at}: "${utterance}" names {${name}}, which is not a slot of the intent`);
      else if (ELICIT_ONLY.has(slot.slotTypeName))
        problems.push(`${at}: "${utterance}" names {${name}}, whose ${slot.slotTypeName} Lex fills only when elicited`);
    }
  }
  return problems;
}

function slotProblems(intent: LexIntent, at: string, slotTypes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const slots = intent.slots ?? [];
  for (const slot of slots) {
    if (!LEX_NAME.test(slot.name)) problems.push(`${at} slot ${slot.name}: the name does not match ${LEX_NAME}`);
    if (!slot.slotTypeName.startsWith('AMAZON.') && !slotTypes.has(slot.slotTypeName))
      problems.push(`${at} slot ${slot.name}: no slot type ${slot.slotTypeName} in the locale`);
  }
  const names = new Set(slots.map((s) => s.name));
  const prioritised = (intent.slotPriorities ?? []).map((p) => p.slotName);
  const priorities = (intent.slotPriorities ?? []).map((p) => p.priority);
  if (
    names.size !== slots.length ||
    prioritised.length !== names.size ||
    new Set(prioritised).size !== prioritised.length ||
    new Set(priorities).size !== priorities.length ||
    prioritised.some((name) => !names.has(name))
  )
    problems.push(`${at}: every slot needs a name of its own and exactly one slot priority, each priority once`);
  return problems;
}

function intentProblems(intent: LexIntent, where: string, slotTypes: ReadonlySet<string>): string[] {
  const at = `${where} intent ${intent.name}`;
  const problems: string[] = [];
  if (!LEX_NAME.test(intent.name)) problems.push(`${at}: the name does not match ${LEX_NAME}`);
  const utterances = intent.sampleUtterances ?? [];
  if (intent.parentIntentSignature && (utterances.length > 0 || (intent.slots ?? []).length > 0))
    problems.push(`${at}: a built-in fallback intent takes no utterances or slots`);
  if (utterances.length > COMMON_QUOTAS.utterancesPerIntent)
    problems.push(`${at}: ${utterances.length} utterances, over Lex's ${COMMON_QUOTAS.utterancesPerIntent}`);
  return [...problems, ...utteranceProblems(intent, at), ...slotProblems(intent, at, slotTypes)];
}

function slotTypeProblems(locale: LexBotLocale, where: string): string[] {
  const problems: string[] = [];
  let words = 0;
  for (const type of locale.slotTypes) {
    const at = `${where} slot type ${type.name}`;
    if (!LEX_NAME.test(type.name)) problems.push(`${at}: the name does not match ${LEX_NAME}`);
    if (type.slotTypeValues.length === 0) problems.push(`${at}: no values`);
    const seen = new Set<string>();
    for (const entry of type.slotTypeValues) {
      for (const { value } of [entry.sampleValue, ...(entry.synonyms ?? [])]) {
        words += 1;
        if (value.length < 1 || value.length > COMMON_QUOTAS.slotValueLength || !/[\p{L}\p{N}]/u.test(value))
          problems.push(`${at}: "${value}" is not a value Lex takes (1-${COMMON_QUOTAS.slotValueLength} characters)`);
        if (seen.has(fold(value))) problems.push(`${at}: "${value}" belongs to two values`);
        seen.add(fold(value));
      }
    }
  }
  if (words > COMMON_QUOTAS.slotValuesAndSynonyms)
    problems.push(`${where}: ${words} slot values and synonyms, over ${COMMON_QUOTAS.slotValuesAndSynonyms}`);
  return problems;
}

function localeProblems(locale: LexBotLocale): string[] {
  const where = locale.localeId;
  const quota = LOCALE_QUOTAS[locale.localeId];
  const problems: string[] = [];
  if (!(locale.nluConfidenceThreshold >= 0 && locale.nluConfidenceThreshold <= 1))
    problems.push(`${where}: the confidence threshold must be between 0 and 1`);
  if (locale.intents.length > quota.intents) problems.push(`${where}: more than ${quota.intents} intents`);
  if (locale.slotTypes.length > quota.customSlotTypes)
    problems.push(`${where}: more than ${quota.customSlotTypes} custom slot types`);
  if (locale.intents.filter((i) => i.parentIntentSignature === 'AMAZON.FallbackIntent').length !== 1)
    problems.push(`${where}: a locale needs exactly one intent built on AMAZON.FallbackIntent`);
  const names = locale.intents.map((i) => i.name);
  if (new Set(names).size !== names.length) problems.push(`${where}: two intents share a name`);
  const slotTypes = new Set(locale.slotTypes.map((t) => t.name));
  if (slotTypes.size !== locale.slotTypes.length) problems.push(`${where}: two slot types share a name`);
  const owner = new Map<string, string>();
  let characters = 0;
  for (const intent of locale.intents) {
    problems.push(...intentProblems(intent, where, slotTypes));
    for (const { utterance } of intent.sampleUtterances ?? []) {
      characters += utterance.length;
      const key = utteranceKey(utterance);
      const first = owner.get(key);
      if (first !== undefined)
        problems.push(`${where}: "${utterance}" is a sample of both ${first} and ${intent.name}`);
      else owner.set(key, intent.name);
    }
  }
  if (characters > quota.utteranceCharacters)
    problems.push(`${where}: ${characters} utterance characters, over ${quota.utteranceCharacters}`);
  return [...problems, ...slotTypeProblems(locale, where)];
}

/** Every way the definition breaks Lex's rules; empty when Lex would build it. */
export function lexBotProblems(definition: LexBotDefinition): string[] {
  const ids = definition.botLocales.map((l) => l.localeId);
  const duplicate = new Set(ids).size !== ids.length ? ['two bot locales share a locale id'] : [];
  return [...duplicate, ...definition.botLocales.flatMap(localeProblems)];
}
