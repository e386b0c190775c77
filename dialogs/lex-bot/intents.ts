import type { Locale } from '../../core/locale';
import { INTENTS, type IntentDefinition } from '../definition/intents';
import { SLOTS } from '../definition/slots';
import { slotPrompt } from './prompts';
import type { LexIntent, LexSlot } from './types';
import { lexUtterance, utteranceKey } from './utterances';

/** Lex's name for the locale's fallback intent; the engine reads it as our Fallback. */
export const LEX_FALLBACK_INTENT = 'FallbackIntent';

function slotsOf(intent: IntentDefinition, locale: Locale): LexSlot[] {
  return intent.slots.map((name) => ({
    name,
    description: SLOTS[name].description,
    slotTypeName: SLOTS[name].type.lexName,
    // The bot asks for what is missing itself: no slot is one Lex must fill before it answers.
    valueElicitationSetting: {
      slotConstraint: 'Optional',
      promptSpecification: {
        maxRetries: 1,
        allowInterrupt: true,
        messageGroupsList: [{ message: { plainTextMessage: { value: slotPrompt(name, locale) } } }],
      },
    },
  }));
}

/** Samples as Lex utterances, each once. */
function utterancesOf(intent: IntentDefinition, locale: Locale): { utterance: string }[] {
  const seen = new Set<string>();
  const out: { utterance: string }[] = [];
  for (const sample of intent.utterances[locale]) {
    const utterance = lexUtterance(sample);
    if (utterance === null || seen.has(utteranceKey(utterance))) continue;
    seen.add(utteranceKey(utterance));
    out.push({ utterance });
  }
  return out;
}

function lexIntent(intent: IntentDefinition, locale: Locale): LexIntent {
  // Lex's own fallback takes what no intent matches; our samples of it stay with the local engine.
  if (intent.lexBuiltIn)
    return { name: LEX_FALLBACK_INTENT, description: intent.description, parentIntentSignature: intent.lexBuiltIn };
  const slots = slotsOf(intent, locale);
  return {
    name: intent.name,
    description: intent.description,
    sampleUtterances: utterancesOf(intent, locale),
    ...(slots.length > 0
      ? { slots, slotPriorities: slots.map((slot, i) => ({ priority: i + 1, slotName: slot.name })) }
      : {}),
  };
}

export function lexIntents(locale: Locale): LexIntent[] {
  return INTENTS.map((intent) => lexIntent(intent, locale));
}
