import type { Logger } from '../../../core/logger';
import { lexCalls, lexFallbacks, lexLatency } from '../../../core/metrics';
import { understandLocally } from '../local/understand';
import type { DialogEngine, NluContext, NluConversation, Understanding } from '../types';
import { createRecognizeText, type LexClientOptions, type RecognizeText } from './client';
import { type FallbackReason, failureFacts, reasonOf } from './failures';
import { type LexReading, readIntent } from './read-intent';
import { readSlots } from './read-slots';
import { readWhen } from './read-when';
import { type LexBotAddress, lexSessionId, recognizeTextInput } from './session';
import { emptyStats, type LexStats } from './stats';
import { staysLocal } from './stays-local';

/**
 * The Lex V2 engine: the same contract and result as the local engine, which it runs first. A turn
 * the local engine settles exactly stays local; the rest goes to RecognizeText, whose intent and
 * slots replace the local reading where Lex has them. The local reading fills what Lex has no slot
 * for (intake details, a second service) or left empty, and answers the whole turn when Lex fails,
 * is slow, throttles or is unsure: the customer never notices.
 */

export type { LexStats } from './stats';
export type { FallbackReason } from './failures';

export interface LexEngineOptions extends LexBotAddress, Partial<Omit<LexClientOptions, 'region' | 'endpoint'>> {
  region: string;
  endpoint?: string;
  log: Logger;
  /** Below this score Lex's intent is not taken. */
  minConfidence?: number;
}

export interface LexEngine extends DialogEngine {
  readonly stats: LexStats;
}

export const LEX_DEFAULTS = { maxAttempts: 2, attemptTimeoutMs: 1500, deadlineMs: 2500, minConfidence: 0.6 } as const;

type Outcome = { reading: LexReading } | { fallback: FallbackReason };

/** The last few answers, so a turn that reads its message again (another day in focus) asks Lex once. */
const REMEMBERED = 200;

export function createLexEngine(options: LexEngineOptions): LexEngine {
  const { log } = options;
  const minConfidence = options.minConfidence ?? LEX_DEFAULTS.minConfidence;
  const recognizeText: RecognizeText = createRecognizeText({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: options.maxAttempts ?? LEX_DEFAULTS.maxAttempts,
    attemptTimeoutMs: options.attemptTimeoutMs ?? LEX_DEFAULTS.attemptTimeoutMs,
    deadlineMs: options.deadlineMs ?? LEX_DEFAULTS.deadlineMs,
  });
  const stats = emptyStats();
  const remembered = new Map<string, Promise<Outcome>>();

  async function ask(text: string, context: NluContext, conversation: NluConversation, local: Understanding) {
    stats.calls += 1;
    const locale = local.locale;
    const input = recognizeTextInput(text, context, conversation, locale, options);
    const started = performance.now();
    const answered = (result: 'ok' | 'error') => {
      lexCalls.inc({ locale, result });
      lexLatency.observe({ locale }, (performance.now() - started) / 1000);
    };
    try {
      const reading = readIntent(await recognizeText(input), minConfidence);
      answered('ok');
      if (reading) {
        stats.answered += 1;
        return { reading };
      }
      stats.fellBack.low_confidence += 1;
      lexFallbacks.inc({ locale, reason: 'low_confidence' });
      log.info({ engine: 'lex', reason: 'low_confidence' }, 'Lex was unsure; the local engine answered');
      return { fallback: 'low_confidence' as const };
    } catch (error) {
      answered('error');
      const reason = reasonOf(error);
      stats.fellBack[reason] += 1;
      lexFallbacks.inc({ locale, reason });
      log.warn({ engine: 'lex', reason, ...failureFacts(error) }, 'Lex did not answer; the local engine did');
      return { fallback: reason };
    }
  }

  function outcomeOf(text: string, context: NluContext, conversation: NluConversation, local: Understanding) {
    const key = `${lexSessionId(conversation)}\n${context.now.getTime()}\n${text}`;
    let outcome = remembered.get(key);
    if (!outcome) {
      outcome = ask(text, context, conversation, local);
      if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, outcome);
    }
    return outcome;
  }

  return {
    stats,
    async understand(text, context) {
      const local = understandLocally(text, context);
      const conversation = context.conversation;
      if (!conversation?.cloud || staysLocal(text, context, local)) {
        stats.keptLocal += 1;
        return local;
      }
      const outcome = await outcomeOf(text, context, conversation, local);
      if ('fallback' in outcome) return local;
      const { reading } = outcome;
      const slots = readSlots(reading, context, local.locale);
      const serviceKey = slots.serviceKey ?? local.serviceKey;
      return {
        intent: reading.intent,
        confidence: reading.confidence,
        locale: local.locale,
        serviceKey,
        alsoServiceKey: local.alsoServiceKey !== serviceKey ? local.alsoServiceKey : null,
        staffKey: slots.staffKey ?? local.staffKey,
        when: readWhen(reading, context, local.when),
        choice: local.choice ?? slots.choice,
        answer: local.answer ?? slots.answer,
        reference: local.reference ?? slots.reference,
        intake: local.intake,
      };
    },
  };
}
