import type { Slot } from '@aws-sdk/client-lex-runtime-v2';
import { DateTime, type Zone } from 'luxon';
import { timeZone } from '../../../core/time-zone';
import type { DateFacts, DayPart } from '../local/dates/facts';
import { resolveWhen } from '../local/dates/resolve-when';
import { fold } from '../local/text';
import type { Grain, NluContext, When } from '../types';
import type { LexReading } from './read-intent';

/**
 * Lex's AMAZON.Date and AMAZON.Time values turned into the facts the local engine's resolver pins
 * to the calendar, so both engines resolve a time the same way: in the business's zone, with the
 * receptionist's rules (a bare "3" is 3 pm, a time alone falls on the day in focus). Lex's quirks:
 * - a week or a month comes back as one day of it ("next week" as that week's Sunday, "next month"
 *   as its last day): no day the customer named, so the local reading of the text stands;
 * - parts of day come as codes: MO, AF, EV, NI;
 * - an ambiguous "10 o'clock" has no interpretedValue and both readings as resolvedValues.
 * Where the local reader got more out of the text (a time Lex missed, "around 3" as a window), its
 * reading wins.
 */

const PARTS: Readonly<Record<string, DayPart>> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'evening' };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})$/;
const SPAN_WORDS = /\b(?:weeks?|months?|semanas?|mes|meses)\b/;

const GRAIN_RANK: Readonly<Record<Grain, number>> = { minute: 0, hour: 1, part_of_day: 2, day: 3, week: 4 };

function dateOf(slot: Slot | null | undefined): DateFacts['date'] {
  const match = ISO_DATE.exec(slot?.value?.interpretedValue ?? '');
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

function clockOf(text: string | undefined): { hour: number; minute: number } | null {
  const match = CLOCK.exec(text ?? '');
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

function timeFacts(slot: Slot | null | undefined): Pick<DateFacts, 'time' | 'part'> {
  const value = slot?.value;
  if (!value) return {};
  const part = PARTS[value.interpretedValue ?? ''];
  if (part) return { part };
  const exact = clockOf(value.interpretedValue);
  if (exact) return { time: { ...exact, meridiemKnown: true, approximate: false } };
  // "10 o'clock": 10:00 or 22:00. The hour as said (1-12) goes to the business rule for am or pm.
  const readings = (value.resolvedValues ?? []).map(clockOf).filter((c) => c !== null);
  const said = readings.find((c) => c.hour >= 1 && c.hour <= 12);
  return said ? { time: { ...said, meridiemKnown: false, approximate: false } } : {};
}

function namesASpan(slot: Slot | null | undefined): boolean {
  return SPAN_WORDS.test(fold(slot?.value?.originalValue ?? ''));
}

function focusOf(context: NluContext, zone: Zone): DateTime | null {
  const focus = context.focusDay ? DateTime.fromISO(context.focusDay, { zone }) : null;
  return focus?.isValid ? focus : null;
}

export function readWhen(reading: LexReading, context: NluContext, local: When | null): When | null {
  const { date: dateSlot, time: timeSlot } = reading.slots;
  if (namesASpan(dateSlot)) return local;
  const facts: DateFacts = { ...timeFacts(timeSlot) };
  const date = dateOf(dateSlot);
  if (date) facts.date = date;
  if (Object.keys(facts).length === 0) return local;
  const zone = timeZone(context.timezone);
  const now = DateTime.fromJSDate(context.now, { zone });
  const lex = resolveWhen(facts, now, focusOf(context, zone));
  if (!lex) return local;
  if (!local) return lex;
  // The local reader read more, or the same start with more to it ("around 3" is an hour-wide window).
  return GRAIN_RANK[local.grain] < GRAIN_RANK[lex.grain] || local.start === lex.start ? local : lex;
}
