import { LOCALES } from '../../core/locale';
import type { LexBotInput } from './catalogs';
import { lexIntents } from './intents';
import { LEX_LOCALE_IDS } from './locales';
import { lexBotProblems } from './rules';
import { customSlotTypes } from './slot-types';
import type { LexBotDefinition } from './types';

/**
 * The Lex V2 bot, generated from the dialog definition (intents, slots, samples in en and es) and
 * the businesses' catalogs, so nothing the bot understands is written twice. Pure: infra/ deploys
 * the result as aws-cdk-lib `CfnBot` `botLocales`, `npm run lex:definition` prints it as JSON.
 */

export type { LexBotInput, LexCatalog } from './catalogs';
export { LEX_FALLBACK_INTENT } from './intents';
export { LEX_LOCALE_IDS } from './locales';
export { lexBotProblems } from './rules';
export type * from './types';

/**
 * Below this score Lex answers with its fallback intent; the engine then lets the local engine
 * answer (it keeps a stricter threshold of its own for the intents Lex does return).
 */
export const NLU_CONFIDENCE_THRESHOLD = 0.4;

export class LexBotError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Lex bot would not build:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'LexBotError';
  }
}

export function generateLexBot(input: LexBotInput): LexBotDefinition {
  if (input.businesses.length === 0) throw new LexBotError(['no business to take services and staff from']);
  const definition: LexBotDefinition = {
    botLocales: LOCALES.map((locale) => ({
      localeId: LEX_LOCALE_IDS[locale],
      description: `Textbook booking bot (${locale})`,
      nluConfidenceThreshold: NLU_CONFIDENCE_THRESHOLD,
      slotTypes: customSlotTypes(input, locale),
      intents: lexIntents(locale),
    })),
  };
  const problems = lexBotProblems(definition);
  if (problems.length > 0) throw new LexBotError(problems);
  return definition;
}
