import { DateTime } from 'luxon';
import type { Locale } from '../../../../core/locale';
import type { NluContext, When } from '../../types';
import { type MaskedText, matchesOf } from '../text';
import { addChronoFacts } from './chrono-facts';
import { parseDates } from './chrono-setup';
import { mayHoldADate, saysADateInWords } from './date-words';
import { scanDayParts } from './day-parts';
import { scanSameDay } from './same-day';
import { normaliseWeekdays } from './weekday-typos';
import type { DateFacts } from './facts';
import { scanRelativeSpans } from './relative-spans';
import { scanWeekSpans } from './week-spans';
import { resolveWhen } from './resolve-when';
import { floatingReference } from './zoned';
import { timeZone } from '../../../../core/time-zone';

/**
 * The date and time a message asks for, in the business's zone. Our scanners go first and blank
 * out what they read (parts of day, "in 2 hours", "next week"); chrono, with our parsers added,
 * reads the rest against the business's wall clock; resolve-when pins the facts to the calendar.
 */

/** "15.30" is a time people write; chrono reads "15:30". Not "$15.30", not "35.000". ("15h30" is H_CLOCK's.) */
const DOTTED_TIME = /(?<![\d$.,])([01]?\d|2[0-3])\.([0-5]\d)(?![\d.,]|\s*(?:usd|dollars|pesos|clp|lucas))/gu;

function normaliseClockTimes(masked: MaskedText): void {
  for (const match of matchesOf(DOTTED_TIME, masked.text)) {
    masked.rewrite(match.index, `${match[1]}:${match[2]}`);
  }
}

/** A value made on first use, then kept. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * "11?", "2:30" alone, in answer to "when?" or to a proposal (nothing numbered on offer): a time
 * of day, with the business rule settling am or pm.
 */
const BARE_CLOCK =
  /^\s*(\d{1,2})(?::([0-5]\d))?\s*(?:ish|instead|works better|works|better|then|please|pls|mejor|entonces|porfa)?\s*\??\s*$/u;

function bareClock(
  text: string,
  context: Pick<NluContext, 'expecting' | 'offeredCount' | 'activeIntent'>,
): DateFacts['time'] | undefined {
  const match = BARE_CLOCK.exec(text);
  const hour = match ? Number(match[1]) : Number.NaN;
  // Where options are numbered, "12" is a time only if it cannot be one of them; "cancel it?"
  // is not answered with a time.
  const proposing = context.expecting === 'confirmation' && context.activeIntent !== 'Cancel';
  const asked =
    context.expecting === 'when' || proposing || (context.expecting === 'choice' && hour > (context.offeredCount ?? 0));
  if (!match || !asked || hour > 23) return undefined;
  return { hour, minute: Number(match[2] ?? 0), meridiemKnown: hour === 0 || hour > 12, approximate: false };
}

/** The context's day and times in focus, read once on the business's wall clock. */
function focusOf(
  context: Pick<NluContext, 'focusDay' | 'focusTime' | 'recentVisit'>,
  now: DateTime,
): { day: DateTime | null; time: DateTime | null; recent: DateTime | null } {
  const read = (iso: string | null | undefined) => {
    const at = iso ? DateTime.fromISO(iso, { zone: now.zone }) : null;
    return at?.isValid ? at : null;
  };
  return { day: read(context.focusDay), time: read(context.focusTime), recent: read(context.recentVisit) };
}

/** No fact at all: resolveWhen has nothing to pin to the calendar and gives null. */
function isEmpty(facts: DateFacts): boolean {
  return Object.keys(facts).length === 0;
}

export function extractWhen(
  masked: MaskedText,
  locale: Locale,
  context: Pick<
    NluContext,
    | 'now'
    | 'timezone'
    | 'locales'
    | 'focusDay'
    | 'focusTime'
    | 'recentVisit'
    | 'expecting'
    | 'offeredCount'
    | 'activeIntent'
  > & { moving?: boolean },
): When | null {
  // Many messages name no time: the zoned "now" (not free in luxon) is built only when one does.
  const now = lazy(() => DateTime.fromJSDate(context.now, { zone: timeZone(context.timezone) }));
  const facts: DateFacts = {};
  normaliseClockTimes(masked);
  normaliseWeekdays(masked, locale);
  const focus = lazy(() => focusOf(context, now()));
  scanWeekSpans(masked, facts, now);
  scanRelativeSpans(masked, facts, now, () => focus().time);
  scanSameDay(masked, facts, () => {
    const time = focus().time ?? focus().recent;
    return { day: focus().day ?? time?.startOf('day') ?? null, time };
  });
  scanDayParts(masked, facts, context.moving);
  const text = masked.text;
  const reference = lazy(() => floatingReference(now()));
  // A Spanish speaker may write "3pm tomorrow"; the other language gets a try when ours finds nothing.
  const others = saysADateInWords(text) ? context.locales.filter((l) => l !== locale) : [];
  const tried = mayHoldADate(text) ? [locale, ...others] : [];
  for (const language of tried) {
    const results = parseDates(language, text, reference);
    if (results.length === 0) continue;
    for (const result of results) masked.mask(result.index, result.index + result.text.length);
    addChronoFacts(masked.folded, results, facts, { moving: context.moving ?? false });
    break;
  }
  if (isEmpty(facts)) {
    const time = bareClock(masked.text, context);
    if (!time) return null;
    facts.time = time;
    masked.mask(0, masked.text.length);
  }
  return resolveWhen(facts, now(), focus().day);
}
