import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { APPROXIMATE_TAG } from './chrono-parsers';
import type { ClockTime, DateFacts } from './facts';

/**
 * Reads chrono's results into facts, keeping only what chrono was told (isCertain), never what
 * it filled in from the reference (except the year of "3 de diciembre": the next such date, as
 * forwardDate makes it). When a message names two days ("can't make it tomorrow, can
 * we do Thursday"), the one the customer moves away from is skipped; moving a visit "from
 * Thursday to Saturday", the span's end is where it goes.
 */

const NOT_THE_TARGET = new RegExp(
  "(?:\\bfrom|\\bnot|instead of|rather than|can'?t make it|cannot make it|can'?t do|won'?t make it|my appointment(?: is)?(?: on| for)?|" +
    'en vez de?l?|en lugar de?l?|no puedo(?: ir)?|no alcanzo|(?:mi|la) (?:hora|cita)(?: es)?(?: del?| para el| el)?|tenia hora(?: el| para el)?)\\s*(?:the\\s+|el\\s+|on\\s+)?$',
);

/** "mañana no, mejor el martes", "tomorrow's no good": the day just named is turned down. */
const TURNED_DOWN =
  /^(?:\s*(?:'?s|is|es))?\s*(?:no|not|won'?t|doesn'?t|isn'?t|no good|no me sirve|no puedo)(?![\p{L}])/u;

/** "by 2pm", "no later than Friday": from now until then; not "come by at 4", "swing by friday". */
const BY =
  /(?<![\p{L}\p{N}])(?:(?<!(?:come|coming|came|swing|swinging|stop|stopping|drop|dropping|pop|popping|be|go|get|run|head|swung|stopped|dropped)\s+)by|no later than|not later than|a mas tardar(?: a las?| el)?)\s*$/u;

/** Moving a visit: what the customer is moving from is not where it goes. */
export interface ReadOptions {
  /** The message asks to move a visit: a span said with it ("from Thursday to Saturday") ends where it goes. */
  moving: boolean;
}

/** Moving a visit, the day or time it has now: "from thursday", "mi hora del lunes", "tomorrow's". */
const MOVED_FROM = /(?:\bfrom|\bdel?|\bof)\s+(?:the\s+|el\s+|la\s+|las\s+|my\s+)?$/;
const POSSESSIVE = /^'?s\b/;

/** "yesterday", "desde ayer": a day gone by is context, not a request. */
function isPast(result: ParsedResult): boolean {
  const { start, refDate: ref } = result;
  if (!start.isCertain('day')) return false;
  const said = (start.get('year') ?? 0) * 10_000 + (start.get('month') ?? 0) * 100 + (start.get('day') ?? 0);
  return said < ref.getUTCFullYear() * 10_000 + (ref.getUTCMonth() + 1) * 100 + ref.getUTCDate();
}

function isAwayFrom(text: string, result: ParsedResult, moving: boolean): boolean {
  const end = result.index + result.text.length;
  const before = text.slice(Math.max(0, result.index - 30), result.index);
  if (TURNED_DOWN.test(text.slice(end, end + 16)) || isPast(result)) return true;
  // "from thursday to saturday" read as one span: moving, its end is where the visit goes.
  if (moving && result.end) return false;
  return (
    NOT_THE_TARGET.test(before) ||
    (moving &&
      (MOVED_FROM.test(before) ||
        POSSESSIVE.test(text.slice(end, end + 3)) ||
        /(?:tomorrow|today)s$/.test(result.text)))
  );
}

function hasDay(result: ParsedResult): boolean {
  return result.start.isCertain('day') || result.start.isCertain('weekday');
}

function clockOf(start: ParsedComponents, end: ParsedComponents | null): ClockTime | undefined {
  if (!start.isCertain('hour')) return undefined;
  const time: ClockTime = {
    hour: start.get('hour') ?? 0,
    minute: start.isCertain('minute') ? (start.get('minute') ?? 0) : 0,
    meridiemKnown: start.isCertain('meridiem'),
    approximate: start.tags().has(APPROXIMATE_TAG),
  };
  if (start.isCertain('timezoneOffset')) time.offsetMinutes = start.get('timezoneOffset') ?? 0;
  if (end?.isCertain('hour'))
    time.until = {
      hour: end.get('hour') ?? 0,
      minute: end.get('minute') ?? 0,
      meridiemKnown: end.isCertain('meridiem'),
    };
  return time;
}

/**
 * The first result among those the customer is not moving away from (or the first of all);
 * moving a visit, the last such one ("my oil change is thursday, can we do saturday?").
 */
function preferred(
  text: string,
  results: ParsedResult[],
  moving: boolean,
  elsewhere: boolean,
): ParsedResult | undefined {
  const toward = results.filter((r) => !isAwayFrom(text, r, moving));
  // Moving to "next week" (read before chrono), "tomorrow's" is only the visit being moved.
  const fallback = moving && elsewhere ? undefined : results[0];
  return (moving ? toward.at(-1) : toward[0]) ?? fallback;
}

const calendarDay = (c: ParsedComponents) => ({
  year: c.get('year') ?? 0,
  month: c.get('month') ?? 0,
  day: c.get('day') ?? 0,
});

function addDay(facts: DateFacts, result: ParsedResult, moving: boolean): ParsedComponents {
  const { start, end } = result;
  // "move it from thursday to saturday": the visit goes to the span's end.
  const target = moving && end && (end.isCertain('day') || end.isCertain('weekday')) ? end : start;
  if (target.isCertain('day')) {
    facts.date = calendarDay(target);
    // "July 13 to 15": every day of the span.
    if (target === start && end?.isCertain('day') && !end.isCertain('hour')) facts.through = calendarDay(end);
  } else {
    facts.weekday = target.get('weekday') ?? undefined;
    // "next Friday" is Friday of next week, as chrono and calendars read it; "Friday" is the coming one.
    if (/\b(?:next|proxim[oa])\b/.test(result.text)) facts.week = 'next';
  }
  return target;
}

/** `text` is the whole folded message: words other recognisers consumed still tell which day is meant. */
export function addChronoFacts(text: string, results: ParsedResult[], facts: DateFacts, options: ReadOptions): void {
  const elsewhere = facts.week !== undefined || facts.weekday !== undefined || facts.date !== undefined;
  const day = preferred(text, results.filter(hasDay), options.moving, elsewhere);
  const target = day && addDay(facts, day, options.moving);
  // The time said with that day, else a time said on its own.
  const alone = preferred(
    text,
    results.filter((r) => !hasDay(r) && r.start.isCertain('hour')),
    options.moving,
    facts.time !== undefined,
  );
  // "at 2pm instead of 10 on thursday": the day said with the time turned down, the other time.
  const timed =
    target?.isCertain('hour') && !(alone && isAwayFrom(text, day as ParsedResult, options.moving)) ? day : alone;
  const said = timed ?? day;
  if (said && BY.test(text.slice(0, said.index)) && !/^(?:at|@)\b/.test(said.text)) facts.deadline = true;
  if (!timed) return;
  const moved = options.moving && timed.end?.isCertain('hour');
  const time = moved ? clockOf(timed.end as ParsedComponents, null) : clockOf(timed.start, timed.end ?? null);
  if (time) facts.time = time;
}
