import type { ParsingComponents, ParsingContext, ParsingResult } from 'chrono-node';

/**
 * Days found by counting within a month: "the first Tuesday of October", "the 20th of next
 * month", "the last weekend of October", "early March" (the 1st to the 10th), "mid March" (11th
 * to 20th), "late" or "the end of March" (21st to the last). A month named without a year is the
 * next one to come (this one while it lasts).
 */

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  enero: 1,
  ene: 1,
  february: 2,
  feb: 2,
  febrero: 2,
  march: 3,
  mar: 3,
  marzo: 3,
  april: 4,
  apr: 4,
  abril: 4,
  abr: 4,
  may: 5,
  mayo: 5,
  june: 6,
  jun: 6,
  junio: 6,
  july: 7,
  jul: 7,
  julio: 7,
  august: 8,
  aug: 8,
  agosto: 8,
  ago: 8,
  september: 9,
  sept: 9,
  sep: 9,
  septiembre: 9,
  setiembre: 9,
  october: 10,
  oct: 10,
  octubre: 10,
  november: 11,
  nov: 11,
  noviembre: 11,
  december: 12,
  dec: 12,
  diciembre: 12,
  dic: 12,
};

/** Month names of both languages, longest first, as a pattern's source (no group of its own). */
export const MONTH_NAMES = Object.keys(MONTH_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "next month", "the following month", "este mes", "el próximo mes". */
export const RELATIVE_MONTH =
  '(?:(?:the\\s+)?(?:(?:next|following|coming|this|current)\\s+)?month|(?:el\\s+)?(?:(?:proximo|siguiente|este)\\s+)?mes(?:\\s+(?:que\\s+viene|proximo|siguiente))?)';

interface YearMonth {
  year: number;
  month: number;
}

/** The business's wall-clock day chrono was given as reference (see zoned.ts), as y-m-d. */
function today(context: ParsingContext): { year: number; month: number; day: number } {
  const ref = context.refDate;
  return { year: ref.getUTCFullYear(), month: ref.getUTCMonth() + 1, day: ref.getUTCDate() };
}

function lastDayOf({ year, month }: YearMonth): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A named month ("october") or a relative one ("next month"); null when it is neither. */
export function monthMeant(context: ParsingContext, text: string): YearMonth | null {
  const now = today(context);
  const words = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|el|del|de)\s+/, '');
  if (new RegExp(`^${RELATIVE_MONTH}$`).test(words)) {
    const ahead = /next|following|coming|proximo|siguiente|que viene/.test(words) ? 1 : 0;
    const month = now.month + ahead;
    return { year: now.year + Math.floor((month - 1) / 12), month: ((month - 1) % 12) + 1 };
  }
  const month = MONTH_NUMBERS[words];
  if (!month) return null;
  return { year: month < now.month ? now.year + 1 : now.year, month };
}

function dayComponents(context: ParsingContext, at: YearMonth, day: number): ParsingComponents | null {
  if (day < 1 || day > lastDayOf(at)) return null;
  return context.createParsingComponents({ year: at.year, month: at.month, day });
}

/** Day `day` of a month. */
export function dayInMonth(
  context: ParsingContext,
  at: YearMonth | null,
  day: number | null,
): ParsingComponents | null {
  return at && day !== null ? dayComponents(context, at, day) : null;
}

/** The nth (1-based; -1 the last) weekday (0 = Sunday) of a month. */
export function nthWeekday(
  context: ParsingContext,
  at: YearMonth | null,
  nth: number,
  weekday: number,
): ParsingComponents | null {
  if (!at) return null;
  const first = new Date(Date.UTC(at.year, at.month - 1, 1)).getUTCDay();
  const firstDay = 1 + ((weekday - first + 7) % 7);
  const day =
    nth > 0 ? firstDay + 7 * (nth - 1) : firstDay + 7 * Math.floor((lastDayOf(at) - firstDay) / 7) + 7 * (nth + 1);
  return dayComponents(context, at, day);
}

const SATURDAY = 6;

/** The Saturday of a month's first or last weekend (that weekend's days are Saturday and Sunday). */
export function weekendOf(context: ParsingContext, at: YearMonth | null, last: boolean): ParsingComponents | null {
  return nthWeekday(context, at, last ? -1 : 1, SATURDAY);
}

/** "early", "mid", "late", "end of", "beginning of" a month: a range of its days. */
export function monthPart(
  context: ParsingContext,
  match: RegExpMatchArray,
  part: string,
  at: YearMonth | null,
): ParsingResult | null {
  if (!at) return null;
  const [from, to] = /^(?:early|beginning|start|principios|comienzos|inicios)/.test(part)
    ? [1, 10]
    : /^(?:mid|middle|mediados)/.test(part)
      ? [11, 20]
      : [21, lastDayOf(at)];
  const start = dayComponents(context, at, from);
  const end = dayComponents(context, at, to);
  return start && end ? context.createParsingResult(match.index ?? 0, match[0], start, end) : null;
}

/** Days `from` to `to` of one month ("from the 13th to the 15th of July"). */
export function dayRange(
  context: ParsingContext,
  match: RegExpMatchArray,
  at: YearMonth | null,
  from: number | null,
  to: number | null,
): ParsingResult | null {
  if (!at || from === null || to === null || to <= from) return null;
  const start = dayComponents(context, at, from);
  const end = dayComponents(context, at, to);
  return start && end ? context.createParsingResult(match.index ?? 0, match[0], start, end) : null;
}
