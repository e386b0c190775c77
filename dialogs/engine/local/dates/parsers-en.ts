import type { Parser } from 'chrono-node';
import {
  B,
  clockComponents,
  clockRange,
  dayAndMonth,
  dayOfMonth,
  daysAhead,
  E,
  HOUR,
  hourOf,
  meridiemOf,
  precededBy,
  regexParser,
  startsInsideNumber,
} from './chrono-parsers';

/** English forms chrono-node 2.10 misses or misreads (checked one by one against it). */

const AMPM = '(a\\.?m\\.?|p\\.?m\\.?)';
/** "on" just before a match. */
const ON = /(?<![\p{L}\p{N}])on\s+$/u;
/** A time right after a match: "at 9", "9am", "around 2". */
const TIME_NEXT = /^\s*(?:(?:at|@|around|about|by)\s*)?\d/u;
const WEEKDAYS: Readonly<Record<string, number>> = {
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
const MINUTE_WORDS: Readonly<Record<string, number>> = {
  fifteen: 15,
  thirty: 30,
  'forty five': 45,
  'forty-five': 45,
  "o'clock": 0,
  oclock: 0,
};

export const EN_PARSERS: readonly Parser[] = [
  // "around noon": noon said loosely
  regexParser(new RegExp(`${B}(?:around|about|round)\\s+(?:mid-?day|noon|lunch ?time)${E}`, 'u'), (_m, context) =>
    clockComponents(context, 12, 0, { meridiem: '24h', approximate: true }),
  ),
  // "a quarter past 3", "half past ten", "quarter to 4"
  regexParser(
    new RegExp(`${B}(?:at\\s+)?(?:a\\s+)?(quarter|half)\\s+(past|after|to|til|till|before)\\s+${HOUR}${E}`, 'u'),
    (m, context) => {
      const hour = hourOf(m[3]);
      const minutes = m[1] === 'half' ? 30 : 15;
      if (hour === null) return null;
      return /^(?:past|after)$/.test(m[2])
        ? clockComponents(context, hour, minutes)
        : clockComponents(context, (hour + 11) % 12 || 12, 60 - minutes);
    },
  ),
  // "around 3", "about 2:30pm", "3ish", "~4"
  regexParser(
    new RegExp(
      `${B}(?:(?:at\\s+)?(?:around|(?<!(?:how|what)\\s)about|arround|aroud|round|roughly|approx\\.?|approximately|~)\\s*(?:at\\s+)?${HOUR}(?:[:.](\\d{2}))?\\s*${AMPM}?(?:\\s*-?\\s*ish)?|(\\d{1,2})(?::(\\d{2}))?\\s*${AMPM}?\\s*-?ish)${E}`,
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
  // "on 12-4", "12-4 at 9", "12-4 9am": month and day, as Americans write a date; alone, "12-4" is hours
  regexParser(new RegExp(`${B}(\\d{1,2})-(\\d{1,2})(?![\\d/:.-])${E}`, 'u'), (m, context) =>
    !startsInsideNumber(context, m) &&
    (precededBy(context, m, ON) || TIME_NEXT.test(context.text.slice((m.index ?? 0) + m[0].length)))
      ? dayAndMonth(context, Number(m[2]), Number(m[1]))
      : null,
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
  // "at three", "three thirty pm", "four o'clock"
  regexParser(
    new RegExp(
      `${B}(?:(?:at|by)\\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\\s+(fifteen|thirty|forty[- ]five|o'?clock))?(?:\\s*${AMPM})?${E}`,
      'u',
    ),
    (m, context) => {
      // A bare number word is too often something else ("one more thing"); a cue must be there.
      if (!/^(?:at|by)\s/.test(m[0]) && !m[2] && !m[3]) return null;
      return clockComponents(context, hourOf(m[1]), MINUTE_WORDS[m[2] ?? "o'clock"], { meridiem: meridiemOf(m[3]) });
    },
  ),
  regexParser(new RegExp(`${B}(?:mid-?day|noon)${E}`, 'u'), (_m, context) =>
    clockComponents(context, 12, 0, { meridiem: '24h' }),
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
