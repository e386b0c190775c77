import type { Parser } from 'chrono-node';
import {
  B,
  dayAndMonth,
  dayOfMonth,
  daysAhead,
  E,
  ON,
  precededBy,
  regexParser,
  startsInsideNumber,
} from './chrono-parsers';
import { AMPM } from './clock-en';
import {
  dayInMonth,
  dayRange,
  MONTH_NAMES,
  monthMeant,
  monthPart,
  nthWeekday,
  RELATIVE_MONTH,
  weekendOf,
} from './month-days';
import { numberOf, ORDINAL_WORDS } from './number-words';

/** English days chrono-node 2.10 misses or misreads (checked one by one against it). */

/** A time right after a match: "at 9", "9am", "around 2". */
const TIME_NEXT = /^\s*(?:(?:at|@|around|about|by)\s*)?\d/u;
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};
const WEEKDAY_NAMES = Object.keys(WEEKDAYS).join('|');
/** A day of the month: "20", "20th", "twentieth". */
const DAY = `(\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORDS})`;
const NTH: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
};

function dayNumber(text: string): number | null {
  return numberOf(text.replace(/(?<=\d)(?:st|nd|rd|th)$/, ''));
}

export const EN_DAY_PARSERS: readonly Parser[] = [
  // "the first tuesday of october", "last friday in november"
  regexParser(
    new RegExp(
      `${B}(?:the\\s+)?(${Object.keys(NTH).join('|')})\\s+(${WEEKDAY_NAMES})\\s+(?:of|in)\\s+(?:the\\s+)?(${MONTH_NAMES}|${RELATIVE_MONTH})${E}`,
      'u',
    ),
    (m, context) => nthWeekday(context, monthMeant(context, m[3]), NTH[m[1]], WEEKDAYS[m[2]]),
  ),
  // "the last weekend of october": its Saturday
  regexParser(
    new RegExp(
      `${B}(?:the\\s+)?(first|last)\\s+week[\\s-]?end\\s+(?:of|in)\\s+(?:the\\s+)?(${MONTH_NAMES}|${RELATIVE_MONTH})${E}`,
      'u',
    ),
    (m, context) => weekendOf(context, monthMeant(context, m[2]), m[1] === 'last'),
  ),
  // "the 20th of next month", "20 of this month", "third day of october", "the 20th day of next month"
  regexParser(
    new RegExp(`${B}(?:the\\s+)?${DAY}(?:\\s+day)?\\s+of\\s+(?:the\\s+)?(${MONTH_NAMES}|${RELATIVE_MONTH})${E}`, 'u'),
    (m, context) =>
      startsInsideNumber(context, m) ? null : dayInMonth(context, monthMeant(context, m[2]), dayNumber(m[1])),
  ),
  // "early march", "mid-march", "late march", "the end of april", "the beginning of next month"
  regexParser(
    new RegExp(
      `${B}(?:at\\s+|in\\s+|by\\s+)?(?:the\\s+)?(early|mid|middle|late|end|beginning|start)(?:-|\\s+)(?:of\\s+)?(?:the\\s+)?(${MONTH_NAMES}|${RELATIVE_MONTH})${E}`,
      'u',
    ),
    (m, context) => monthPart(context, m, m[1], monthMeant(context, m[2])),
  ),
  // "from the 13th to the 15th of july", "13 to 15 july", "july 13 through 15", "from july 13-15"
  regexParser(
    new RegExp(
      `${B}(?:from\\s+)?(?:the\\s+)?${DAY}\\s*(?:-|–|to|till|until|through|thru)\\s*(?:the\\s+)?${DAY}\\s+(?:of\\s+)?(${MONTH_NAMES})${E}`,
      'u',
    ),
    (m, context) => dayRange(context, m, monthMeant(context, m[3]), dayNumber(m[1]), dayNumber(m[2])),
  ),
  regexParser(
    new RegExp(
      `${B}(?:from\\s+)?(${MONTH_NAMES})\\.?\\s+${DAY}\\s*(?:-|–|to|till|until|through|thru)\\s*(?:the\\s+)?${DAY}(?!\\s*(?:${AMPM}|:|o'?clock))${E}`,
      'u',
    ),
    (m, context) => dayRange(context, m, monthMeant(context, m[1]), dayNumber(m[2]), dayNumber(m[3])),
  ),
  // "on the first", "on the twenty third": an ordinal word is a day only after "on the" ("the first" is an option)
  regexParser(new RegExp(`${B}on\\s+the\\s+(${ORDINAL_WORDS})(?!\\s+(?:one|option|time|of))${E}`, 'u'), (m, context) =>
    dayOfMonth(context, numberOf(m[1]) ?? 0),
  ),
  // "on 12-4", "12-4 at 9", "12-4 9am": month and day, as Americans write a date; alone, "12-4" is hours
  regexParser(new RegExp(`${B}(\\d{1,2})-(\\d{1,2})(?![\\d/:.-])${E}`, 'u'), (m, context) =>
    !startsInsideNumber(context, m) &&
    (precededBy(context, m, ON) || TIME_NEXT.test(context.text.slice((m.index ?? 0) + m[0].length)))
      ? dayAndMonth(context, Number(m[2]), Number(m[1]))
      : null,
  ),
  // "the 28th", "on the 3rd", "28th"
  regexParser(
    new RegExp(`${B}(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:one|option))${E}`, 'u'),
    (m, context) => dayOfMonth(context, Number(m[1])),
  ),
  // "the 28", but not "the 2 of them" or "the 3 o'clock"
  regexParser(
    new RegExp(
      `${B}(?:on\\s+)?the\\s+(\\d{1,2})(?![\\d:.]|\\s*(?:${AMPM}|o'?clock|hours?|hrs?|mins?|minutes?|of|one|options?|st|nd|rd|th)${E})${E}`,
      'u',
    ),
    (m, context) => dayOfMonth(context, Number(m[1])),
  ),
  // "friday the 27th", "fri 27": a date only when that day is that weekday
  regexParser(
    new RegExp(
      `${B}(${Object.keys(WEEKDAYS).join('|')})\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:./-]|\\s*(?:${AMPM}|o'?clock|hrs?|(?:-|–|to|till|til|until)\\s*\\d)${E})${E}`,
      'u',
    ),
    (m, context) => dayOfMonth(context, Number(m[2]), WEEKDAYS[m[1]]),
  ),
  regexParser(new RegExp(`${B}(?:the\\s+)?day\\s+after\\s+(?:tomorrow|tmrw|tmr|tmw)${E}`, 'u'), (_m, context) =>
    daysAhead(context, 2),
  ),
  // Texting spellings of "tomorrow" and "today", and their possessive without the apostrophe ("tomorrows appt")
  regexParser(
    new RegExp(
      `${B}(?:tmw|tmrw|tmr|tmrow|2morrow|2moro|2mrw|tomorow|tommorow|tommorrow|tomorrw|tomorro|tmorrow|tomm|tomorrows|tmrws)${E}`,
      'u',
    ),
    (_m, context) => daysAhead(context, 1),
  ),
  regexParser(new RegExp(`${B}(?:2day|tdy|todays)${E}`, 'u'), (_m, context) => daysAhead(context, 0)),
];
