import type { RecognizeTextCommandOutput, Slot } from '@aws-sdk/client-lex-runtime-v2';
import { INTENT_NAMES, type IntentName } from '../../definition/intent-names';

/**
 * The intent Lex settled on and how sure it was. Lex reports its choice in `sessionState.intent`
 * and a score per candidate in `interpretations[]`; its fallback intent, an intent we do not
 * know, or a score below ours means Lex did not understand, and the local engine answers.
 */

export interface LexReading {
  intent: IntentName;
  confidence: number;
  /** Lex's slots by our slot names; an unfilled one is absent or null. */
  slots: Record<string, Slot | null | undefined>;
}

function isOurIntent(name: string | undefined): name is IntentName {
  return name !== 'Fallback' && (INTENT_NAMES as readonly (string | undefined)[]).includes(name);
}

export function readIntent(output: RecognizeTextCommandOutput, minConfidence: number): LexReading | null {
  const chosen = output.sessionState?.intent ?? output.interpretations?.[0]?.intent;
  const name = chosen?.name;
  if (!isOurIntent(name)) return null;
  const interpretation = output.interpretations?.find((i) => i.intent?.name === name);
  // An intent Lex gives no score for is not one it recognised.
  const confidence = interpretation?.nluConfidence?.score ?? 0;
  if (confidence < minConfidence) return null;
  return { intent: name, confidence, slots: { ...(interpretation?.intent?.slots ?? {}), ...(chosen?.slots ?? {}) } };
}
