import type { Locale } from '../../core/locale';
import type { IntentName } from '../definition/intent-names';

/**
 * The one contract between bot/ and whichever engine understands a message (local or Lex).
 * The context carries only plain catalog facts, never database rows, and the result is
 * JSON-serialisable so it can be logged, stored in the dialog state and compared in tests.
 */

export type { IntentName };

/** What the bot just asked; it decides how "2", "yes" or a bare street address is read. */
export const EXPECTATIONS = [
  'service',
  'when',
  'staff',
  'choice',
  'confirmation',
  'name',
  'address',
  'vehicle',
  'notes',
  'reference',
] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

export interface NluService {
  key: string;
  names: Partial<Record<Locale, string>>;
  synonyms: Partial<Record<Locale, string[]>>;
}

export interface NluStaff {
  key: string;
  name: string;
  aliases: string[];
}

export interface NluContext {
  now: Date;
  /** IANA zone of the business: "tomorrow" and "3pm" are the business's, not the server's. */
  timezone: string;
  locales: Locale[];
  defaultLocale: Locale;
  customerLocale?: Locale | null;
  services: NluService[];
  staff: NluStaff[];
  expecting?: Expectation | null;
  /** The intent the pending question belongs to; an answer to it keeps that intent. */
  activeIntent?: IntentName | null;
  /** How many numbered options were just offered ("reply 1, 2 or 3"). */
  offeredCount?: number;
  /**
   * The business-local day (yyyy-mm-dd) the conversation is settling on, from the times just
   * offered or proposed: after "Thursday?" a bare "12:15" or "morning" means Thursday's.
   */
  focusDay?: string | null;
  /** The instant being settled (a proposal, or the visit being moved): "an hour later" counts from it. */
  focusTime?: string | null;
  /** The start of the visit just booked or moved: "the same day" counts from it when nothing is in focus. */
  recentVisit?: string | null;
  /** Who is writing to whom; the local engine needs none of it, the Lex engine keys its session on it. */
  conversation?: NluConversation | null;
}

/** One customer's conversation with one business on one channel. */
export interface NluConversation {
  /** The business's slug: one Lex bot serves every business, so each request names it. */
  business: string;
  /** The customer's id (never the phone number, which is personal data and not a valid Lex session id). */
  customerId: string;
  channel: 'sms' | 'whatsapp';
  /** False when the business keeps its messages on the local engine (`settings.useLex: false`). */
  cloud: boolean;
}

/**
 * How precise `when` is:
 * - minute: a point in time ("3pm"); end = start;
 * - hour: an approximate time ("around 3"); start = the time said, end = an hour later;
 * - part_of_day: "morning", "en la tarde"; the range of that part;
 * - day: a whole local day; end = the next local midnight. Today's starts now, and "asap",
 *   "al tiro", "lo antes posible" alone are the rest of today: the bot then offers today's free
 *   slots, or the nearest ones after now when today is full (the context knows no opening hours);
 * - week: a whole week, Monday to Monday.
 */
export const GRAINS = ['minute', 'hour', 'part_of_day', 'day', 'week'] as const;
export type Grain = (typeof GRAINS)[number];

export interface When {
  /** ISO 8601 with the business's UTC offset in force on that date, e.g. 2026-11-24T15:00:00-08:00. */
  start: string;
  end: string;
  grain: Grain;
}

export interface Intake {
  name?: string;
  address?: string;
  vehicle?: string;
  notes?: string;
}

export interface Understanding {
  intent: IntentName;
  /** 0..1; rules give coarse steps, Lex gives its own score. */
  confidence: number;
  /** The language of this message (one the business serves). */
  locale: Locale;
  serviceKey: string | null;
  /** A second service named in the same message ("an oil change and a tire rotation"). */
  alsoServiceKey: string | null;
  staffKey: string | null;
  when: When | null;
  /** 1-based number of an offered option ("2", "the second one", "la 2"). */
  choice: number | null;
  answer: 'yes' | 'no' | null;
  /** An appointment code as typed, upper-cased ("K7WM"). */
  reference: string | null;
  intake: Intake;
}

export interface DialogEngine {
  understand(text: string, context: NluContext): Promise<Understanding>;
}
