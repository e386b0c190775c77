import type { DateTime } from 'luxon';
import { type MaskedText, wholeWords } from '../text';
import type { DateFacts } from './facts';

/**
 * Spans chrono handles in wall-clock arithmetic or not at all: "in 2 hours" is real elapsed time
 * (across a DST change too), "next week" is a whole week, "the weekend" means Saturday here,
 * "asap" is the rest of today.
 */

const AMOUNT: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  una: 1,
  un: 1,
  half: 0.5,
  media: 0.5,
  two: 2,
  dos: 2,
  three: 3,
  tres: 3,
};

const IN_HOURS = wholeWords(
  '(?:in|en|dentro de)\\s+(?:about\\s+|around\\s+|like\\s+|unos?\\s+)?(\\d{1,3}|an?|one|half an?|una|un|media|two|dos|three|tres)\\s+(hours?|hrs?|minutes?|mins?|horas?|minutos?)',
);
const NEXT_WEEK = wholeWords(
  '(?:the\\s+)?(?:next|following|coming)\\s+week|week after this|(?:la\\s+)?(?:semana\\s+que\\s+viene|proxima\\s+semana|semana\\s+proxima|otra\\s+semana|semana\\s+siguiente)',
);
const THIS_WEEK = wholeWords('(?:later\\s+)?this\\s+week|esta\\s+semana');
/** "this friday", "este viernes": the coming one, whatever day is being settled. */
const THIS_WEEKDAY =
  /(?<![\p{L}\p{N}])(?:this|este)(?=\s+(?:mon|tue|wed|thu|fri|sat|sun|lunes|martes|miercoles|jueves|viernes|sabado|domingo))/u;
const WEEKEND = wholeWords('(?:this\\s+|the\\s+|on\\s+the\\s+)?weekend|(?:el|este)\\s+(?:fin\\s+de\\s+semana|finde)');
const SATURDAY = 6;
/** "urgente" is left out: it says how much, not when. */
const SOON = wholeWords(
  'a\\.?s\\.?a\\.?p|as soon as (?:possible|you can|u can)|soonest(?: possible)?|earliest possible|right away|' +
    'lo (?:antes|mas pronto|mas rapido) posible|lo antes|cuanto antes|al tiro|altiro|ahora mismo|ya mismo|de inmediato|' +
    // "whenever works", "cualquier día": no preference, so the earliest time there is.
    'earliest|next available|first available|whenever|(?:no )?preference|any ?time|cualquier (?:dia|hora|momento)|cuando (?:haya|sea|puedan)|lo que haya|' +
    // "can you come now", "the light's flashing now": the present, so the earliest time, not this minute.
    '(?:right )?now',
);

const SPAN =
  '(\\d{1,3}|an?|one|half an?|una|un|media|two|dos|three|tres)\\s+(hours?|hrs?|minutes?|mins?|horas?|minutos?)';
/** "an hour later", "30 min earlier", "una hora más tarde", "media hora antes": from the time being settled. */
const SHIFTED = wholeWords(`${SPAN}\\s+(later|after|earlier|before|mas tarde|despues|antes|mas temprano)`);
/** "push it back 30 minutes", "move it up an hour". */
const PUSHED = wholeWords(
  `(push(?:ed)?|move(?:d)?|bump(?:ed)?)\\s+(?:it\\s+|that\\s+)?(back|up|forward)\\s+(?:by\\s+)?${SPAN}`,
);

function minutesOf(amount: string, unit: string): number {
  const count = /^\d+$/.test(amount) ? Number(amount) : AMOUNT[amount.split(/\s+/)[0]];
  return /^(?:h|hr)/.test(unit) ? count * 60 : count;
}

/** `now` is called only for "in 2 hours"; `focus` is the instant "an hour later" counts from. */
export function scanRelativeSpans(
  masked: MaskedText,
  facts: DateFacts,
  now: () => DateTime,
  focus: () => DateTime | null,
): void {
  const inHours = masked.takeFirst(IN_HOURS);
  // Luxon adds hours and minutes as elapsed time, so the answer is right across a DST change.
  if (inHours)
    facts.instant = now()
      .plus({ minutes: minutesOf(inHours[1], inHours[2]) })
      .startOf('minute');
  // Without a time being settled there is nothing to count from; chrono must not count from now.
  const shifted = masked.takeFirst(SHIFTED);
  const pushed = masked.takeFirst(PUSHED);
  const from = shifted || pushed ? focus() : null;
  if (from && shifted)
    facts.instant = from.plus({
      minutes: minutesOf(shifted[1], shifted[2]) * (/^(?:later|after|mas tarde|despues)$/.test(shifted[3]) ? 1 : -1),
    });
  if (from && pushed)
    facts.instant = from.plus({ minutes: minutesOf(pushed[3], pushed[4]) * (pushed[2] === 'back' ? 1 : -1) });
  if (masked.takeFirst(NEXT_WEEK)) facts.week = 'next';
  else if (masked.takeFirst(THIS_WEEK) || masked.takeFirst(THIS_WEEKDAY)) facts.week = 'this';
  if (masked.takeFirst(WEEKEND)) facts.weekday = SATURDAY;
  // Every one: "asap, it's flashing now" must not leave "now" for chrono to read as this minute.
  while (masked.takeFirst(SOON)) facts.soon = true;
}
