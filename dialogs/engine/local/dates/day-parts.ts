import { type MaskedText, wholeWords } from '../text';
import type { DateFacts, DayPart } from './facts';
import { hourByPart } from './hour-by-part';

/**
 * Parts of the day as ranges. chrono reads "morning" as 06:00 and Spanish "mañana" always as
 * "tomorrow", so these are found first and blanked out: in "mañana en la mañana" the second
 * "mañana" becomes the morning, the first stays "tomorrow" for chrono.
 */

interface PartWords {
  part: DayPart;
  today?: boolean;
  pattern: RegExp;
}

const DAY_WORD = '(?:manana|hoy|lunes|martes|miercoles|jueves|viernes|sabado|domingo)';
const ANY_DAY =
  '(?:tomorrow|tmrw|today|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|next week)';

const PARTS: readonly PartWords[] = [
  { part: 'evening', today: true, pattern: wholeWords('tonight|tonite|2nite|this evening|esta noche') },
  // "mid-morning", "a media mañana": before "mañana" can be read as tomorrow
  {
    part: 'mid_morning',
    pattern: wholeWords('mid-? ?mornings?|(?:a |en la |de )?media manana'),
  },
  { part: 'mid_afternoon', pattern: wholeWords('mid-? ?afternoons?|(?:a |en la |de )?media tarde') },
  { part: 'morning', today: true, pattern: wholeWords('this morning|esta manana') },
  { part: 'afternoon', today: true, pattern: wholeWords('this afternoon|esta tarde') },
  {
    part: 'after_lunch',
    pattern: wholeWords('after lunch(?:time)?|despues (?:de|del) (?:almuerzo|almorzar|colacion)'),
  },
  {
    part: 'morning',
    pattern: wholeWords(
      'before lunch|before (?:noon|midday|12)|antes (?:de|del) (?:almuerzo|almorzar|mediodia)|antes de las 12|first thing(?: in the morning)?|a primera hora',
    ),
  },
  {
    part: 'late_afternoon',
    pattern: wholeWords(
      'late (?:in the )?afternoon|end of (?:the )?(?:day|business day)|eod|(?:a|al) final de la tarde|(?:a|al) final del dia|tarde tarde|a ultima hora',
    ),
  },
  {
    part: 'lunch',
    pattern: wholeWords(
      '(?:at |around |over )?lunch ?time|(?:at|around|over) lunch|(?:a la )?hora (?:de|del) almuerzo',
    ),
  },
  {
    part: 'morning',
    pattern: wholeWords(
      '(?:in the |the |early |late )?mornings?|(?:en|por|de|a|para) la (?:manana|mananita)|en las mananas|temprano',
    ),
  },
  // "early tomorrow", "friday early": early in a day named next to it; "is 9 too early?" is not a part of day.
  {
    part: 'morning',
    pattern: new RegExp(
      `(?<=${ANY_DAY}\\s+)early(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])early(?=\\s+${ANY_DAY}(?![\\p{L}\\p{N}]))`,
      'gu',
    ),
  },
  {
    part: 'afternoon',
    pattern: wholeWords(
      '(?:in the |the |late |early )?afternoons?|after ?noon|(?:en|por|de|a|para) la tarde|en las tardes',
    ),
  },
  {
    part: 'evening',
    pattern: wholeWords('(?:in the |the )?evenings?|(?:at|in the) night|(?:en|por|de|a|para) la noche|en las noches'),
  },
  // A bare "tarde" only after a day word: "mañana tarde" is tomorrow afternoon, "llego tarde" is "I'm late".
  { part: 'afternoon', pattern: new RegExp(`(?<=${DAY_WORD}\\s+)tarde(?![\\p{L}\\p{N}])`, 'gu') },
];

/** `moving`: the message moves a visit, so the part said last is where it goes ("in the morning … to the afternoon"). */
export function scanDayParts(masked: MaskedText, facts: DateFacts, moving = false): void {
  let chosen: { part: DayPart; today?: boolean; start: number; end: number } | null = null;
  for (const { part, today, pattern } of PARTS) {
    pattern.lastIndex = 0;
    const match = pattern.exec(masked.text);
    if (!match) continue;
    const found = { part, today, start: match.index, end: match.index + match[0].length };
    masked.mask(found.start, found.end);
    if (!chosen || (moving && found.start > chosen.start)) chosen = found;
  }
  if (!chosen || facts.part) return;
  facts.part = chosen.part;
  if (chosen.today) facts.partToday = true;
  const time = hourByPart(masked, chosen.part, chosen.start, chosen.end);
  if (time) facts.time = time;
}
