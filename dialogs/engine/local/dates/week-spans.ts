import type { DateTime } from 'luxon';
import { type MaskedText, wholeWords } from '../text';
import type { DateFacts } from './facts';
import { numberOf } from './number-words';

/**
 * Weeks and weekdays counted from today: "next week" is a whole week, "the end of next week" its
 * Friday to Sunday, "the beginning of next week" its Monday to Wednesday, "the rest of the week"
 * today to Sunday, "friday after next" the Friday after the coming one, "3 fridays from now" the
 * third Friday to come, "the weekend" means Saturday here, "the week of the 7th" the week holding
 * that day.
 */

const WEEK_AHEAD = '(?:next|following|coming|upcoming)';
const NEXT_WEEK = wholeWords(
  `(?:the\\s+)?(?:around\\s+)?${WEEK_AHEAD}\\s+week|week after this|(?:la\\s+)?(?:semana\\s+que\\s+viene|proxima\\s+semana|semana\\s+proxima|otra\\s+semana|semana\\s+siguiente)`,
);
const THIS_WEEK = wholeWords(
  '(?:later\\s+)?this\\s+week|(?:the\\s+)?rest\\s+of\\s+(?:the|this)\\s+week|(?:the\\s+)?current\\s+week|esta\\s+semana|(?:lo\\s+que\\s+queda\\s+de\\s+(?:la|esta)\\s+semana)',
);
/** "this friday", "este viernes": the coming one, whatever day is being settled. */
const THIS_WEEKDAY =
  /(?<![\p{L}\p{N}])(?:this|este)(?=\s+(?:mon|tue|wed|thu|fri|sat|sun|lunes|martes|miercoles|jueves|viernes|sabado|domingo))/u;
/** "the end of next week", "a principios de esta semana", "beginning of the coming week". */
const WEEK_PART = wholeWords(
  `(?:at\\s+|by\\s+)?(?:the\\s+)?(end|beginning|start)\\s+of\\s+(?:the\\s+)?(?:around\\s+)?(this|current|${WEEK_AHEAD})?\\s*week|` +
    '(?:a\\s+|para\\s+)?(fines|finales|principios|comienzos|inicios)\\s+de\\s+(?:la\\s+)?(esta|proxima|otra)?\\s*semana(\\s+que\\s+viene|\\s+proxima)?',
);
/** Not "the last weekend of october": that one is a date (days-en). */
const WEEKEND = wholeWords(
  '(?<!(?:first|last|primer|ultimo)\\s+)(?:(?:this\\s+|the\\s+|on\\s+the\\s+)?week[\\s-]?ends?|(?:el|este)\\s+(?:fin\\s+de\\s+semana|finde))(?!\\s+(?:of|in|de|del)\\s)',
);
const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
const WEEKDAY_NAMES = Object.keys(WEEKDAY_NUMBERS).join('|');
/** "friday after next", "the wednesday after next". */
const AFTER_NEXT = wholeWords(`(?:the\\s+)?(${WEEKDAY_NAMES})\\s+after\\s+next`);
/** "3 fridays from now", "two sundays from now". */
const WEEKDAYS_FROM_NOW = wholeWords(`(\\d|one|two|three|four|five|six)\\s+(${WEEKDAY_NAMES})s\\s+from\\s+now`);
/** "the week of october 7th", "la semana del 7 de octubre": the whole week around a day. */
const WEEK_OF = wholeWords('(?:the\\s+)?week\\s+of|(?:la\\s+)?semana\\s+del');

const calendarDay = (at: DateTime) => ({ year: at.year, month: at.month, day: at.day });

/** The `nth` coming such weekday (luxon numbering), today never counting. */
function comingWeekday(now: DateTime, weekday: number, nth: number): DateTime {
  const ahead = (weekday - now.weekday + 7) % 7 || 7;
  return now.plus({ days: ahead + 7 * (nth - 1) });
}

function weekPart(facts: DateFacts, match: RegExpExecArray, now: DateTime): void {
  const [part, which] = match[1] ? [match[1], match[2]] : [match[3], match[5] ? 'proxima' : match[4]];
  const ahead = which && !/^(?:this|current|esta)$/.test(which) ? 1 : 0;
  const monday = now.startOf('week').plus({ weeks: ahead });
  const ending = /^(?:end|fines|finales)$/.test(part);
  facts.date = calendarDay(monday.plus({ days: ending ? 4 : 0 }));
  facts.through = calendarDay(monday.plus({ days: ending ? 6 : 2 }));
}

/** `now` is called only when a count from today needs it. */
/** Words every one of these spans holds ("week", "semana", "finde", "next", "from now", "this"). */
const WEEKISH = /week|semana|finde|next|now|this|este/;

export function scanWeekSpans(masked: MaskedText, facts: DateFacts, now: () => DateTime): void {
  if (!WEEKISH.test(masked.text)) return;
  if (masked.takeFirst(WEEK_OF)) facts.weekOf = true;
  const part = masked.takeFirst(WEEK_PART);
  if (part) weekPart(facts, part, now());
  const afterNext = masked.takeFirst(AFTER_NEXT);
  if (afterNext) facts.date = calendarDay(comingWeekday(now(), WEEKDAY_NUMBERS[afterNext[1]], 2));
  const counted = masked.takeFirst(WEEKDAYS_FROM_NOW);
  const nth = counted ? numberOf(counted[1]) : null;
  if (counted && nth) facts.date = calendarDay(comingWeekday(now(), WEEKDAY_NUMBERS[counted[2]], nth));
  // Before the weeks: "this week-end" is no "this week".
  if (masked.takeFirst(WEEKEND)) facts.weekday = 6;
  if (masked.takeFirst(NEXT_WEEK)) facts.week = 'next';
  else if (masked.takeFirst(THIS_WEEK)) facts.week = 'this';
  else if (masked.takeFirst(THIS_WEEKDAY)) facts.week = 'coming';
}
