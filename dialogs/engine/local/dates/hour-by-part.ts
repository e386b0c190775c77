import type { MaskedText } from '../text';
import type { ClockTime, DayPart } from './facts';
import { MONTH_NAMES } from './month-days';
import { numberOf, numberWords } from './number-words';

/**
 * An hour said right next to a part of the day: "8 tonight", "eight this evening", "9 tomorrow
 * evening", "6 de la mañana", "seis dos de la tarde", "tonight 815". chrono does not read a bare
 * "8", and the part of day is blanked out before chrono runs, so the hour is taken here. Only an
 * hour that belongs to that part counts ("10 en la tarde" is no afternoon hour: "martes 10" is
 * more likely the 10th), and never a day of the month ("el 12 en la tarde").
 */

const HOURS = `\\d{1,2}|${numberWords('en', 12)}|${numberWords('es', 12)}`;
const MINUTES = `${numberWords('en', 59)}|${numberWords('es', 59)}|[0-5]\\d`;
const BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}:])(?:(?:at|a\\s+las?|las?)\\s+)?(${HOURS})(?:[:.]([0-5]\\d)|\\s+(${MINUTES}))?\\s+(?:(?:tomorrow|today|manana|hoy)\\s+)?$`,
  'du',
);
const AFTER = /^\s*(?:at\s+)?(\d{1,2})([0-5]\d)(?![\p{L}\p{N}:/.-])/du;
/**
 * Words that make the number a day or a count of minutes ("el 12", "dec 8", "3 y 20", "twenty
 * past 4"), or a time chrono reads with more to it ("tipo 4", "around 8": said loosely).
 */
const NOT_AN_HOUR = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:el|del|the|dia|day|y|menos|past|to|after|and|de|${MONTH_NAMES}|tipo|como|eso de|alrededor de|cerca de|around|about|approx|approximately|~)\\.?\\s+$`,
  'u',
);

/** The hours each part of the day can hold, on a 12-hour clock (13 and above are taken as said). */
const PLAUSIBLE: Readonly<Record<DayPart, (hour: number) => boolean>> = {
  morning: (h) => h >= 1 && h <= 11,
  mid_morning: (h) => h >= 9 && h <= 11,
  lunch: (h) => h === 12 || (h >= 1 && h <= 2),
  after_lunch: (h) => h >= 1 && h <= 5,
  afternoon: (h) => h === 12 || (h >= 1 && h <= 7),
  mid_afternoon: (h) => h >= 2 && h <= 5,
  late_afternoon: (h) => h >= 3 && h <= 7,
  evening: (h) => h >= 5 && h <= 11,
};

/** Parts of the day that are afternoon or evening: only they hold hours written from 13 on. */
const PM_PARTS: ReadonlySet<DayPart> = new Set([
  'after_lunch',
  'afternoon',
  'mid_afternoon',
  'late_afternoon',
  'evening',
]);

function plausible(part: DayPart, hour: number | null): hour is number {
  if (hour === null || hour > 23) return false;
  return hour >= 13 ? PM_PARTS.has(part) && PLAUSIBLE[part](hour - 12) : PLAUSIBLE[part](hour);
}

/** The hour said just before or after a part of the day found at [start, end), blanked out once read. */
export function hourByPart(masked: MaskedText, part: DayPart, start: number, end: number): ClockTime | null {
  const before = masked.text.slice(0, start);
  const said = BEFORE.exec(before);
  if (said?.indices && !NOT_AN_HOUR.test(before.slice(0, said.index))) {
    const hour = numberOf(said[1]);
    const minutes = said[2] ?? said[3];
    const minute = minutes ? numberOf(minutes) : 0;
    if (plausible(part, hour) && minute !== null && minute <= 59) {
      const [, to] = said.indices[3] ?? said.indices[2] ?? said.indices[1];
      masked.mask(said.index, to);
      return { hour, minute, meridiemKnown: hour >= 13, approximate: false };
    }
  }
  const after = AFTER.exec(masked.text.slice(end));
  const hour = after ? Number(after[1]) : null;
  if (after?.indices && plausible(part, hour)) {
    masked.mask(end + after.index, end + after.indices[2][1]);
    return { hour, minute: Number(after[2]), meridiemKnown: hour >= 13, approximate: false };
  }
  return null;
}
