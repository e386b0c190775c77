import type { ParsedResult } from 'chrono-node';
import { APPROXIMATE_TAG } from './chrono-parsers';
import type { ClockTime, DateFacts } from './facts';

/**
 * Reads chrono's results into facts, keeping only what chrono was told (isCertain), never what
 * it filled in from the reference (except the year of "3 de diciembre": the next such date, as
 * forwardDate makes it). When a message names two days ("can't make it tomorrow, can
 * we do Thursday"), the one the customer moves away from is skipped.
 */

const NOT_THE_TARGET = new RegExp(
  "(?:\\bfrom|\\bnot|instead of|rather than|can'?t make it|cannot make it|can'?t do|won'?t make it|my appointment(?: is)?(?: on| for)?|" +
    'en vez de|en lugar de|no puedo(?: ir)?|no alcanzo|(?:mi|la) (?:hora|cita)(?: es)?(?: del?| para el| el)?|tenia hora(?: el| para el)?)\\s*(?:the\\s+|el\\s+|on\\s+)?$',
);

/** "mañana no, mejor el martes", "tomorrow's no good": the day just named is turned down. */
const TURNED_DOWN =
  /^(?:\s*(?:'?s|is|es))?\s*(?:no|not|won'?t|doesn'?t|isn'?t|no good|no me sirve|no puedo)(?![\p{L}])/u;

function isAwayFrom(text: string, result: ParsedResult): boolean {
  const end = result.index + result.text.length;
  return (
    NOT_THE_TARGET.test(text.slice(Math.max(0, result.index - 30), result.index)) ||
    TURNED_DOWN.test(text.slice(end, end + 16))
  );
}

function hasDay(result: ParsedResult): boolean {
  return result.start.isCertain('day') || result.start.isCertain('weekday');
}

function clockOf(result: ParsedResult): ClockTime | undefined {
  const { start, end } = result;
  if (!start.isCertain('hour')) return undefined;
  const time: ClockTime = {
    hour: start.get('hour') ?? 0,
    minute: start.isCertain('minute') ? (start.get('minute') ?? 0) : 0,
    meridiemKnown: start.isCertain('meridiem'),
    approximate: start.tags().has(APPROXIMATE_TAG),
  };
  if (end?.isCertain('hour'))
    time.until = {
      hour: end.get('hour') ?? 0,
      minute: end.get('minute') ?? 0,
      meridiemKnown: end.isCertain('meridiem'),
    };
  return time;
}

/** The first result among those the customer is not moving away from (or the first of all). */
function preferred(text: string, results: ParsedResult[]): ParsedResult | undefined {
  return results.find((r) => !isAwayFrom(text, r)) ?? results[0];
}

/** `text` is the whole folded message: words other recognisers consumed still tell which day is meant. */
export function addChronoFacts(text: string, results: ParsedResult[], facts: DateFacts): void {
  const day = preferred(text, results.filter(hasDay));
  if (day) {
    const start = day.start;
    if (start.isCertain('day'))
      facts.date = { year: start.get('year') ?? 0, month: start.get('month') ?? 0, day: start.get('day') ?? 0 };
    else {
      facts.weekday = start.get('weekday') ?? undefined;
      // "next Friday" is Friday of next week, as chrono and calendars read it; "Friday" is the coming one.
      if (/\b(?:next|proxim[oa])\b/.test(day.text)) facts.week = 'next';
    }
  }
  // The time said with that day, else a time said on its own.
  const alone = preferred(
    text,
    results.filter((r) => !hasDay(r) && clockOf(r)),
  );
  const time = (day && clockOf(day)) ?? (alone && clockOf(alone));
  if (time) facts.time = time;
}
