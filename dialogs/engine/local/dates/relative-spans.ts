import type { DateTime } from 'luxon';
import { type MaskedText, wholeWords } from '../text';
import type { DateFacts } from './facts';

/**
 * Spans chrono handles in wall-clock arithmetic or not at all: "in 2 hours" is real elapsed time
 * (across a DST change too), "next week" is a whole week, "the weekend" means Saturday here,
 * "asap" is the rest of today.
 */

const AMOUNT: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, una: 1, un: 1, half: 0.5, media: 0.5, two: 2, dos: 2, three: 3, tres: 3 };

const IN_HOURS = wholeWords(
  '(?:in|en|dentro de)\\s+(?:about\\s+|around\\s+|like\\s+|unos?\\s+)?(\\d{1,3}|an?|one|half an?|una|un|media|two|dos|three|tres)\\s+(hours?|hrs?|minutes?|mins?|horas?|minutos?)',
);
const NEXT_WEEK = wholeWords('(?:the\\s+)?(?:next|following|coming)\\s+week|week after this|(?:la\\s+)?(?:semana\\s+que\\s+viene|proxima\\s+semana|semana\\s+proxima|otra\\s+semana|semana\\s+siguiente)');
const THIS_WEEK = wholeWords('(?:later\\s+)?this\\s+week|esta\\s+semana');
const WEEKEND = wholeWords('(?:this\\s+|the\\s+|on\\s+the\\s+)?weekend|(?:el|este)\\s+(?:fin\\s+de\\s+semana|finde)');
const SATURDAY = 6;
/** "urgente" is left out: it says how much, not when. */
const SOON = wholeWords(
  'a\\.?s\\.?a\\.?p|as soon as (?:possible|you can|u can)|soonest(?: possible)?|earliest possible|right away|' +
    'lo (?:antes|mas pronto|mas rapido) posible|lo antes|cuanto antes|al tiro|altiro|ahora mismo|ya mismo|de inmediato|' +
    // "can you come now", "the light's flashing now": the present, so the earliest time, not this minute.
    '(?:right )?now',
);

function find(masked: MaskedText, pattern: RegExp): RegExpExecArray | null {
  pattern.lastIndex = 0;
  const match = pattern.exec(masked.text);
  if (match) masked.mask(match.index, match.index + match[0].length);
  return match;
}

/** `now` is called only for "in 2 hours". */
export function scanRelativeSpans(masked: MaskedText, facts: DateFacts, now: () => DateTime): void {
  const inHours = find(masked, IN_HOURS);
  if (inHours) {
    const amount = /^\d+$/.test(inHours[1]) ? Number(inHours[1]) : AMOUNT[inHours[1].split(/\s+/)[0]];
    const minutes = /^(?:h|hr)/.test(inHours[2]) ? amount * 60 : amount;
    // Luxon adds hours and minutes as elapsed time, so the answer is right across a DST change.
    facts.instant = now().plus({ minutes }).startOf('minute');
  }
  if (find(masked, NEXT_WEEK)) facts.week = 'next';
  else if (find(masked, THIS_WEEK)) facts.week = 'this';
  if (find(masked, WEEKEND)) facts.weekday = SATURDAY;
  // Every one: "asap, it's flashing now" must not leave "now" for chrono to read as this minute.
  while (find(masked, SOON)) facts.soon = true;
}
