import type { Parser, ParsingComponents, ParsingContext, ParsingResult } from 'chrono-node';

/**
 * Building blocks for the custom chrono parsers. Texts given to chrono are folded (lower case,
 * no accents), so patterns are written without accents.
 */

export const APPROXIMATE_TAG = 'textbook/approximate';

/** chrono runs a parser's pattern on ever shorter tails of the text; it must not be global. */
export function regexParser(
  pattern: RegExp,
  extract: (match: RegExpMatchArray, context: ParsingContext) => ParsingComponents | ParsingResult | null,
): Parser {
  return { pattern: () => pattern, extract: (context, match) => extract(match, context) };
}

const HOUR_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
};

/** Word edges that also hold next to accented letters (\b does not). */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

/**
 * Whether a match begins inside a longer number ("1-2" in "31-2"). chrono retries a pattern on
 * ever shorter tails of the text, where the `B` edge cannot see what came before; the match
 * index is into the whole text.
 */
export function startsInsideNumber(context: ParsingContext, match: RegExpMatchArray): boolean {
  return precededBy(context, match, /\p{N}$/u);
}

/** An hour as digits or words, for use inside patterns. */
export const HOUR = `(\\d{1,2}|${Object.keys(HOUR_WORDS).join('|')})`;

export function hourOf(text: string): number | null {
  const hour = /^\d+$/.test(text) ? Number(text) : HOUR_WORDS[text];
  return hour !== undefined && hour >= 0 && hour <= 23 ? hour : null;
}

export interface ClockOptions {
  /** 'am' / 'pm' when said; '24h' when the hour is on a 24-hour clock ("15 hrs"). */
  meridiem?: 'am' | 'pm' | '24h';
  approximate?: boolean;
}

/** A time of day as chrono components; null when it is not a real time. */
export function clockComponents(
  context: ParsingContext,
  hour: number | null,
  minute: number,
  options: ClockOptions = {},
): ParsingComponents | null {
  if (hour === null || minute < 0 || minute > 59) return null;
  const { meridiem } = options;
  if (meridiem === 'am' || meridiem === 'pm') {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23) return null;
  const components = context.createParsingComponents({ hour, minute });
  if (meridiem) components.assign('meridiem', hour >= 12 ? 1 : 0);
  if (options.approximate) components.addTag(APPROXIMATE_TAG);
  return components;
}

/**
 * A window between two clock times ("between 1 and 3pm"). The business rule settles a missing
 * am/pm later, in resolve-when.
 */
export function clockRange(
  context: ParsingContext,
  match: RegExpMatchArray,
  from: ClockParts,
  to: ClockParts,
): ParsingResult | null {
  const [fromHour, toHour] = [hourOf(from.hour), hourOf(to.hour)];
  if (fromHour === null || toHour === null) return null;
  // "1-3pm": the pm said once covers both ends, unless it would put the start after the end ("11-1pm").
  const startMeridiem = from.meridiem ?? (to.meridiem && fromHour <= toHour ? to.meridiem : undefined);
  const start = clockComponents(context, fromHour, Number(from.minute ?? 0), { meridiem: startMeridiem });
  const end = clockComponents(context, toHour, Number(to.minute ?? 0), { meridiem: to.meridiem });
  if (!start || !end) return null;
  return context.createParsingResult(match.index ?? 0, match[0], start, end);
}

export interface ClockParts {
  hour: string;
  minute?: string;
  meridiem?: 'am' | 'pm';
}

/**
 * "16h", "3h18", "at 9h30": the 24-hour clock as it is written in Europe and Latin America. Not
 * "in 2h", "for 1h": those are durations.
 */
export const H_CLOCK = regexParser(
  new RegExp(`${B}([01]?\\d|2[0-3])h([0-5]\\d)?(?![\\p{L}\\p{N}])`, 'u'),
  (m, context) =>
    precededBy(context, m, /(?<![\p{L}\p{N}])(?:in|for|within|every|takes?|en|por|dura|durante|demora)\s+$/u)
      ? null
      : clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: '24h' }),
);

/**
 * "15h30-18h", "9h30 - 11h CST", "15h GMT - 18h GMT": a window on that clock. A zone said after
 * the first time too is the one said at the end, which chrono's zone refiner reads.
 */
export const H_CLOCK_RANGE = regexParser(
  new RegExp(
    `${B}([01]?\\d|2[0-3])h([0-5]\\d)?(?:\\s*[a-z]{3,4}(?=\\s*-))?\\s*(?:-|–|to|a|till|until|hasta)\\s*([01]?\\d|2[0-3])h([0-5]\\d)?(?![\\p{L}\\p{N}])`,
    'u',
  ),
  (m, context) => {
    const start = clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: '24h' });
    const end = clockComponents(context, hourOf(m[3]), Number(m[4] ?? 0), { meridiem: '24h' });
    return start && end ? context.createParsingResult(m.index ?? 0, m[0], start, end) : null;
  },
);

/** "pm", "p.m.", "p" → 'pm'. */
export function meridiemOf(text: string | undefined): 'am' | 'pm' | undefined {
  if (!text) return undefined;
  return text.startsWith('p') ? 'pm' : 'am';
}

/** The business's wall-clock day chrono was given as reference (see zoned.ts). */
function referenceDay(context: ParsingContext): Date {
  const ref = context.refDate;
  return new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate()));
}

/** A day of the month, this month if still ahead (or today), otherwise the next month having it. */
export function dayOfMonth(context: ParsingContext, day: number, weekday?: number): ParsingComponents | null {
  if (day < 1 || day > 31) return null;
  const today = referenceDay(context);
  for (let ahead = 0; ahead < 3; ahead++) {
    const candidate = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + ahead, day));
    // Date.UTC rolls 31 November over to 1 December: such a month does not have the day.
    if (candidate.getUTCDate() !== day || candidate < today) continue;
    // "martes 24" is a date only if the 24th is a Tuesday; otherwise it is not ours to read.
    if (weekday !== undefined && candidate.getUTCDay() !== weekday) return null;
    return context.createParsingComponents({
      year: candidate.getUTCFullYear(),
      month: candidate.getUTCMonth() + 1,
      day,
    });
  }
  return null;
}

/**
 * A day and month ("el 3-12"): this year's if still ahead (or today), otherwise next year's.
 * With a weekday ("jueves 3-12"), only if that date is that weekday: "jueves 9-11" is hours.
 */
export function dayAndMonth(
  context: ParsingContext,
  day: number,
  month: number,
  weekday?: number,
): ParsingComponents | null {
  const today = referenceDay(context);
  for (const year of [today.getUTCFullYear(), today.getUTCFullYear() + 1]) {
    const candidate = new Date(Date.UTC(year, month - 1, day));
    if (candidate.getUTCMonth() !== month - 1 || candidate.getUTCDate() !== day) return null;
    if (candidate < today) continue;
    if (weekday !== undefined && candidate.getUTCDay() !== weekday) return null;
    return context.createParsingComponents({ year, month, day });
  }
  return null;
}

/** "on" just before a match ("on 12-4" is a date). */
export const ON = /(?<![\p{L}\p{N}])on\s+$/u;

/** Whether the text just before a match ends with one of these words ("on 12-4"). */
export function precededBy(context: ParsingContext, match: RegExpMatchArray, words: RegExp): boolean {
  return words.test(context.text.slice(0, match.index ?? 0));
}

/** A day a number of days after the reference day ("pasado mañana"). */
export function daysAhead(context: ParsingContext, days: number): ParsingComponents {
  const day = referenceDay(context);
  day.setUTCDate(day.getUTCDate() + days);
  return context.createParsingComponents({
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
  });
}
