import type { Locale } from '../../core/locale';
import { INTENT_NAMES, type IntentName, type Utterances } from './intent-names';
import type { SlotName } from './slots';
import { enUtterances } from './utterances/en';
import { esUtterances } from './utterances/es';

/**
 * What a customer can mean, defined once. The local engine is tested against these samples and
 * the Lex bot (locales en_US and es_419) is generated from them, so they are never written twice.
 */

export { INTENT_NAMES, type IntentName, type Utterances };

export interface IntentDefinition {
  readonly name: IntentName;
  readonly description: string;
  /** The slots this intent can carry, in the order the bot asks for missing ones. */
  readonly slots: readonly SlotName[];
  /** Set when Lex has its own intent for this one; such samples stay local (tests only). */
  readonly lexBuiltIn?: 'AMAZON.FallbackIntent';
  readonly utterances: Readonly<Record<Locale, readonly string[]>>;
}

const UTTERANCES: Readonly<Record<Locale, Utterances>> = { en: enUtterances, es: esUtterances };

const INTENT_SHAPES: Readonly<Record<IntentName, Omit<IntentDefinition, 'name' | 'utterances'>>> = {
  Book: {
    description: 'book a new appointment',
    slots: ['service', 'staff', 'date', 'time', 'choice', 'name', 'address', 'vehicle', 'notes'],
  },
  Reschedule: {
    description: 'move an existing appointment to another time',
    slots: ['reference', 'date', 'time', 'staff', 'choice'],
  },
  Cancel: { description: 'cancel an existing appointment', slots: ['reference', 'date', 'answer'] },
  MyAppointments: { description: 'ask when their appointments are', slots: ['reference', 'date'] },
  Confirm: { description: 'answer yes or no (to a reminder or to a pending question)', slots: ['answer', 'reference'] },
  Services: { description: 'ask what is offered and what it costs', slots: ['service'] },
  Hours: { description: 'ask when the business is open', slots: ['date'] },
  Help: { description: 'ask how the bot works', slots: [] },
  Greeting: { description: 'say hello, nothing else', slots: [] },
  Thanks: { description: 'say thanks or goodbye, nothing else', slots: [] },
  Fallback: { description: 'anything the bot does not understand', slots: [], lexBuiltIn: 'AMAZON.FallbackIntent' },
};

export const INTENTS: readonly IntentDefinition[] = INTENT_NAMES.map((name) => ({
  name,
  ...INTENT_SHAPES[name],
  utterances: { en: UTTERANCES.en[name], es: UTTERANCES.es[name] },
}));
