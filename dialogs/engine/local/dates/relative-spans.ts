import type { DateTime } from 'luxon';
import { type MaskedText, wholeWords } from '../text';
import { AMOUNT, amountOf, minutesIn, UNIT, unitOf } from './amounts';
import type { DateFacts } from './facts';

/**
 * Spans chrono handles in wall-clock arithmetic or not at all: "in 2 hours" is real elapsed time
 * (across a DST change too), "in 3 days" is that day from this very time, "the next 3 days" the
 * three days after today, "within 2 weeks" everything until then, "asap" the rest of today. A
 * duration said with a time ("4pm for 30 mins") is no time of its own.
 */

const AMOUNT_UNIT = `(${AMOUNT})\\s*(${UNIT})`;
/** "for 30 mins", "por 2 horas", "durante una hora": how long, not when. */
const DURATION = wholeWords(
  `(?:for|por|durante)\\s+(?:about\\s+|around\\s+|like\\s+|unos?\\s+|unas\\s+)?${AMOUNT_UNIT}`,
);
const IN = wholeWords(
  `(?:in|en|dentro\\s+de|after)\\s+(?:about\\s+|around\\s+|like\\s+|just\\s+|unos?\\s+|unas\\s+)?${AMOUNT_UNIT}|${AMOUNT_UNIT}\\s+(?:from\\s+(?:right\\s+)?now|hence|desde\\s+ahora)`,
);
const WITHIN = wholeWords(`within\\s+(?:the\\s+next\\s+)?(?:${AMOUNT_UNIT}|the\\s+(hour|day|week))`);
/** "the next 3 days", "next few hours", "los próximos 3 días", "las próximas 2 horas". */
const NEXT_FEW = wholeWords(
  `(?:the\\s+)?(?:next|coming|following)\\s+(${AMOUNT})\\s+(${UNIT})|(?:l[oa]s\\s+)?(?:proxim[oa]s|siguientes)\\s+(${AMOUNT})\\s+(${UNIT})`,
);
/** "an hour later", "30 min earlier", "una hora más tarde", "media hora antes": from the time being settled. */
const SHIFTED = wholeWords(`${AMOUNT_UNIT}\\s+(later|after|earlier|before|mas tarde|despues|antes|mas temprano)`);
/** "push it back 30 minutes", "move it up an hour". */
const PUSHED = wholeWords(
  `(push(?:ed)?|move(?:d)?|bump(?:ed)?)\\s+(?:it\\s+|that\\s+)?(back|up|forward)\\s+(?:by\\s+)?${AMOUNT_UNIT}`,
);
/** "by EOD", "before the end of the day": from now until midnight. */
const BY_END_OF_DAY = wholeWords(
  '(?:by|before)\\s+(?:the\\s+)?(?:eod|cob|end\\s+of\\s+(?:the\\s+)?(?:day|business(?:\\s+day)?)|close\\s+of\\s+business)|antes\\s+(?:del|de\\s+que\\s+termine\\s+el)\\s+(?:fin|final)\\s+del\\s+dia',
);
/** "urgente" is left out: it says how much, not when. */
const SOON = wholeWords(
  'a\\.?s\\.?a\\.?p|as soon as (?:possible|you can|u can)|soonest(?: possible)?|earliest possible|right away|' +
    'lo (?:antes|mas pronto|mas rapido) posible|lo antes|cuanto antes|al tiro|altiro|ahora mismo|ya mismo|de inmediato|' +
    // "whenever works", "cualquier día": no preference, so the earliest time there is.
    'earliest|next available|first available|whenever|(?:no )?preference|any ?time|cualquier (?:dia|hora|momento)|cuando (?:haya|sea|puedan)|lo que haya|' +
    // "can you come now", "the light's flashing now": the present, so the earliest time, not this minute.
    '(?:right )?now',
);

type Match = RegExpExecArray;

/** The amount and unit a match holds, from its first two non-empty groups after `from`. */
function amountIn(match: Match, from = 1): { amount: number; unit: ReturnType<typeof unitOf> } | null {
  const [amount, unit] = match.slice(from).filter((g) => g !== undefined);
  const value = amount === undefined ? null : amountOf(amount);
  return value === null || unit === undefined ? null : { amount: value, unit: unitOf(unit) };
}

const calendarDay = (at: DateTime) => ({ year: at.year, month: at.month, day: at.day });

/** "in 20 minutes", "en 3 días", "two weeks from now". */
function inAmount(facts: DateFacts, match: Match, now: DateTime): void {
  const said = amountIn(match);
  if (!said) return;
  const at = now.plus({ minutes: minutesIn(said.amount, said.unit) });
  if (said.unit === 'minute' || said.unit === 'hour') facts.instant = at;
  else {
    facts.date = calendarDay(at);
    // "in 3 days" counts from this very time; "in 2 weeks" is that day, as a calendar counts weeks.
    if (said.unit === 'day') facts.from = at;
  }
}

function within(facts: DateFacts, match: Match, now: DateTime): void {
  const unit = match[3] ? unitOf(match[3]) : null;
  const said = unit ? { amount: 1, unit } : amountIn(match);
  if (!said) return;
  const end = now.plus({ minutes: minutesIn(said.amount, said.unit) });
  facts.span = { start: now, end, grain: said.unit === 'minute' || said.unit === 'hour' ? 'hour' : 'week' };
}

/** "the next 3 days": tomorrow and the two after it; "the next 2 hours": the two whole hours to come. */
function nextFew(facts: DateFacts, match: Match, now: DateTime): void {
  const said = amountIn(match);
  if (!said || said.amount < 1) return;
  if (said.unit === 'day') {
    facts.date = calendarDay(now.plus({ days: 1 }));
    facts.through = calendarDay(now.plus({ days: said.amount }));
  } else if (said.unit === 'hour' || said.unit === 'minute') {
    const start = said.unit === 'hour' ? now.startOf('hour').plus({ hours: 1 }) : now;
    facts.span = { start, end: start.plus({ minutes: minutesIn(said.amount, said.unit) }), grain: 'hour' };
  }
}

/** `now` is called only when a span needs it; `focus` is the instant "an hour later" counts from. */
export function scanRelativeSpans(
  masked: MaskedText,
  facts: DateFacts,
  now: () => DateTime,
  focus: () => DateTime | null,
): void {
  if (UNIT_SAID.test(masked.text)) scanAmounts(masked, facts, now, focus);
  if (masked.takeFirst(BY_END_OF_DAY))
    facts.span = { start: now(), end: now().plus({ days: 1 }).startOf('day'), grain: 'day' };
  // Every one: "asap, it's flashing now" must not leave "now" for chrono to read as this minute.
  while (masked.takeFirst(SOON)) facts.soon = true;
}

/** A unit of time somewhere in the text: without one, no amount of time is said. */
const UNIT_SAID = /(?:min|hour|hr|hora|day|dia|week|wk|semana|\d\s?[hm'])/;

/** The spans said as an amount of time: "for 30 mins", "in 2 hours", "an hour later". */
function scanAmounts(masked: MaskedText, facts: DateFacts, now: () => DateTime, focus: () => DateTime | null): void {
  while (masked.takeFirst(DURATION));
  const inAmountMatch = masked.takeFirst(IN);
  if (inAmountMatch) inAmount(facts, inAmountMatch, now());
  const withinMatch = masked.takeFirst(WITHIN);
  if (withinMatch) within(facts, withinMatch, now());
  const next = masked.takeFirst(NEXT_FEW);
  if (next) nextFew(facts, next, now());
  // Without a time being settled there is nothing to count from; chrono must not count from now.
  const shifted = masked.takeFirst(SHIFTED);
  const pushed = masked.takeFirst(PUSHED);
  const from = shifted || pushed ? focus() : null;
  const shift = shifted ? amountIn(shifted) : null;
  if (from && shifted && shift)
    facts.instant = from.plus({
      minutes: minutesIn(shift.amount, shift.unit) * (/^(?:later|after|mas tarde|despues)$/.test(shifted[3]) ? 1 : -1),
    });
  const push = pushed ? amountIn(pushed, 3) : null;
  if (from && pushed && push)
    facts.instant = from.plus({ minutes: minutesIn(push.amount, push.unit) * (pushed[2] === 'back' ? 1 : -1) });
}
