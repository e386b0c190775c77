import type { Parser } from 'chrono-node';
import {
  B,
  clockComponents,
  clockRange,
  E,
  H_CLOCK,
  H_CLOCK_RANGE,
  HOUR,
  hourOf,
  meridiemOf,
  ON,
  precededBy,
  regexParser,
  startsInsideNumber,
} from './chrono-parsers';
import { numberOf, numberWords } from './number-words';

/**
 * English times of day chrono-node 2.10 misses or misreads: minutes said before the hour
 * ("twenty past 3", "a quarter to noon", "half three"), the hour and minutes as two numbers or
 * words ("at 9 30", "three twenty"), the 24-hour "16h", loose and ranged times.
 */

export const AMPM = '(a\\.?m\\.?|p\\.?m\\.?)';
const HOUR_WORD = '(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
/** Minutes as words: "twenty", "forty-five", "oh five". */
const MINUTE_WORDS = `(?:oh\\s+(?:one|two|three|four|five|six|seven|eight|nine)|${numberWords('en', 59)})`;
const MINUTES = `(\\d{1,2}|${MINUTE_WORDS}|quarter|half)`;
/** An hour or one of the named times it can be counted from. */
const ANCHOR = `(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|midnight)`;
/** Words a time is said after ("tomorrow at 9 30", "tuesday 10 45"). */
const DAY_BEFORE =
  /(?<![\p{L}\p{N}])(?:at|@|today|tonight|tomorrow|tmrw|tmr|tmw|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)\.?\s+$/u;

function minutesOf(text: string): number | null {
  if (text === 'quarter') return 15;
  if (text === 'half') return 30;
  return numberOf(text.replace(/^oh\s+/, ''));
}

function anchorHour(text: string): { hour: number | null; meridiem?: '24h' } {
  if (text === 'noon' || text === 'midday') return { hour: 12, meridiem: '24h' };
  if (text === 'midnight') return { hour: 0, meridiem: '24h' };
  return { hour: hourOf(text) };
}

export const EN_CLOCK_PARSERS: readonly Parser[] = [
  // "around noon": noon said loosely
  regexParser(new RegExp(`${B}(?:around|about|round)\\s+(?:mid-?\\s?day|noon|lunch ?time)${E}`, 'u'), (_m, context) =>
    clockComponents(context, 12, 0, { meridiem: '24h', approximate: true }),
  ),
  // "twenty past 3pm", "a quarter to noon", "10 minutes after 4", "half past ten"; "2 to 4" is a
  // window, so digits count down to an hour only with "minutes"
  regexParser(
    new RegExp(
      `${B}(?:a\\s+)?${MINUTES}(\\s+minutes?)?\\s+(past|after|to|til|till|before|of)\\s+${ANCHOR}(?:\\s*${AMPM})?${E}`,
      'u',
    ),
    (m, context) => {
      const minutes = minutesOf(m[1]);
      const anchor = anchorHour(m[4]);
      const forward = /^(?:past|after)$/.test(m[3]);
      if (minutes === null || minutes < 1 || minutes > 59 || anchor.hour === null) return null;
      if (!forward && ((/^\d/.test(m[1]) && !m[2]) || m[1] === 'half')) return null;
      if (startsInsideNumber(context, m)) return null;
      const meridiem = anchor.meridiem ?? meridiemOf(m[5]);
      if (forward) return clockComponents(context, anchor.hour, minutes, { meridiem });
      // Counted back across the hour: "a quarter to noon" is 11:45, "ten to one" 12:50.
      const before = anchor.hour * 60 - minutes;
      const hour = Math.floor((before + 24 * 60) / 60) % 24;
      return meridiem === '24h' || anchor.hour > 12
        ? clockComponents(context, hour, before - Math.floor(before / 60) * 60, { meridiem: '24h' })
        : clockComponents(context, hour % 12 || 12, (before + 60) % 60, { meridiem });
    },
  ),
  // "half three" (3:30, as the British say it), never "half an hour"
  regexParser(
    new RegExp(`${B}half\\s+${HOUR}(?:\\s*${AMPM})?(?!\\s*(?:hours?|hrs?|past|after))${E}`, 'u'),
    (m, context) => clockComponents(context, hourOf(m[1]), 30, { meridiem: meridiemOf(m[2]) }),
  ),
  // "around 3", "about 2:30pm", "3ish", "~4", "3 or so"
  regexParser(
    new RegExp(
      `${B}(?:(?:at\\s+)?(?:around|(?<!(?:how|what)\\s)about|arround|aroud|round|roughly|approx\\.?|approximately|~)\\s*(?:at\\s+)?${HOUR}(?:[:.](\\d{2}))?\\s*${AMPM}?(?:\\s*-?\\s*ish)?|(\\d{1,2})(?::(\\d{2}))?\\s*${AMPM}?\\s*(?:-?ish|or so))${E}`,
      'u',
    ),
    (m, context) =>
      m[1] !== undefined
        ? clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: meridiemOf(m[3]), approximate: true })
        : clockComponents(context, hourOf(m[4]), Number(m[5] ?? 0), { meridiem: meridiemOf(m[6]), approximate: true }),
  ),
  // "between 1 and 3", "from 9 to 11am", "1-3pm"
  regexParser(
    new RegExp(
      `${B}(?:(?:between|btwn|btw|from)\\s+${HOUR}(?::(\\d{2}))?\\s*${AMPM}?\\s*(?:and|to|-|till|til|until)\\s*${HOUR}(?::(\\d{2}))?\\s*${AMPM}?|(\\d{1,2})(?::(\\d{2}))?\\s*-\\s*(\\d{1,2})(?::(\\d{2}))?\\s*${AMPM})${E}`,
      'u',
    ),
    (m, context) =>
      m[1] !== undefined
        ? clockRange(
            context,
            m,
            { hour: m[1], minute: m[2], meridiem: meridiemOf(m[3]) },
            { hour: m[4], minute: m[5], meridiem: meridiemOf(m[6]) },
          )
        : clockRange(
            context,
            m,
            { hour: m[7], minute: m[8] },
            { hour: m[9], minute: m[10], meridiem: meridiemOf(m[11]) },
          ),
  ),
  // "tomorrow 9-11", "10:30-12", "sat 12 to 3": a window even without am/pm (the business rule settles it)
  regexParser(
    new RegExp(
      `${B}(\\d{1,2})(?::(\\d{2}))?(?:\\s*(?:-|–)\\s*|\\s+(?:to|till|til|until)\\s+)(\\d{1,2})(?::(\\d{2}))?(?![\\d/:.-]|\\s*(?:${AMPM}|mins?|minutes?|hours?|hrs?|days?|weeks?|people|cars?|(?:at|around|about|by)\\s*\\d|@)${E}|\\s+\\d)${E}`,
      'u',
    ),
    (m, context) =>
      Number(m[1]) <= 12 && Number(m[3]) <= 12 && !startsInsideNumber(context, m) && !precededBy(context, m, ON)
        ? clockRange(context, m, { hour: m[1], minute: m[2] }, { hour: m[3], minute: m[4] })
        : null,
  ),
  // "at 9 30", "tomorrow at 2 15", "tuesday 10 45", "8 15 am": the hour and its minutes as two numbers
  regexParser(
    new RegExp(`${B}(at\\s+|@\\s*)?(\\d{1,2})\\s+([0-5]\\d)(?:\\s*${AMPM})?(?![\\p{L}\\p{N}:/.-])`, 'u'),
    (m, context) =>
      (m[1] || m[4] || precededBy(context, m, DAY_BEFORE)) && !startsInsideNumber(context, m)
        ? clockComponents(context, hourOf(m[2]), Number(m[3]), { meridiem: meridiemOf(m[4]) })
        : null,
  ),
  // "at 815", "@ 1030": the hour and minutes run together after "at"
  regexParser(
    new RegExp(`(?:${B}at|@)\\s*(\\d{1,2})([0-5]\\d)(?:\\s*${AMPM})?(?![\\p{L}\\p{N}/.:-])`, 'u'),
    (m, context) => clockComponents(context, hourOf(m[1]), Number(m[2]), { meridiem: meridiemOf(m[3]) }),
  ),
  H_CLOCK_RANGE,
  H_CLOCK,
  // "after 2", "any time after 1:30pm", "can we do 4 instead", "how about 10?"
  regexParser(
    new RegExp(
      `${B}(?:(?:any ?time\\s+)?(?:after|starting at)|(?:can|could)\\s+(?:we|you|u)\\s+do|make it|how about|what about)\\s+${HOUR}(?::(\\d{2}))?\\s*${AMPM}?(?=\\s*(?:$|[?.!,]|instead|then|tomorrow|today|tonight|on${E}|o'?clock|ish|or${E}|please|pls))`,
      'u',
    ),
    (m, context) => clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: meridiemOf(m[3]) }),
  ),
  // "is 9 too early?", "would 2 work", "10 works", "3 is fine": a bare hour someone is offering
  regexParser(
    new RegExp(
      `(?:${B}(?:is|would|does|will)\\s+|^\\s*)${HOUR}(?::(\\d{2}))?\\s*${AMPM}?(?=\\s+(?:too\\s|ok${E}|okay|good|fine|works?${E}|would work|possible|available|better|alright|is (?:good|ok|fine|better|perfect)))`,
      'u',
    ),
    (m, context) => clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: meridiemOf(m[3]) }),
  ),
  // "7p", "10a", "7:30p"
  regexParser(new RegExp(`${B}(\\d{1,2})(?::(\\d{2}))?(a|p)${E}`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: meridiemOf(m[3]) }),
  ),
  // "@ 3", "@3:30pm"
  regexParser(new RegExp(`@\\s*(\\d{1,2})(?::(\\d{2}))?\\s*${AMPM}?${E}`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: meridiemOf(m[3]) }),
  ),
  // "at three", "three thirty pm", "three twenty", "four o'clock", "six oh five"
  regexParser(
    new RegExp(`${B}(?:(?:at|by|for)\\s+)?${HOUR_WORD}(?:\\s+(${MINUTE_WORDS}|o'?clock))?(?:\\s*${AMPM})?${E}`, 'u'),
    (m, context) => {
      // A bare number word is too often something else ("one more thing"); a cue must be there.
      if (!/^(?:at|by|for)\s/.test(m[0]) && !m[2] && !m[3]) return null;
      const minutes = !m[2] || /^o'?clock$/.test(m[2]) ? 0 : minutesOf(m[2]);
      return minutes === null ? null : clockComponents(context, hourOf(m[1]), minutes, { meridiem: meridiemOf(m[3]) });
    },
  ),
  regexParser(new RegExp(`${B}(?:the\\s+)?(?:mid-?\\s?day|noon)${E}`, 'u'), (_m, context) =>
    clockComponents(context, 12, 0, { meridiem: '24h' }),
  ),
];
