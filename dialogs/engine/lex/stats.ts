import { FALLBACK_REASONS, type FallbackReason } from './failures';

/** What the Lex engine did, counted since it started (for /metrics and the tests). */
export interface LexStats {
  /** RecognizeText calls made (one per customer message at most; the SDK's retries not counted). */
  calls: number;
  /** Turns Lex understood. */
  answered: number;
  /** Readings settled locally without asking Lex (numbers, yes/no, codes, details, opted-out businesses). */
  keptLocal: number;
  /** Turns Lex was asked about but the local engine answered, by why. */
  fellBack: Record<FallbackReason, number>;
}

export function emptyStats(): LexStats {
  return {
    calls: 0,
    answered: 0,
    keptLocal: 0,
    fellBack: Object.fromEntries(FALLBACK_REASONS.map((r) => [r, 0])) as Record<FallbackReason, number>,
  };
}
