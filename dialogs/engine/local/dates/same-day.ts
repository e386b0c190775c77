import { DateTime, type Zone } from 'luxon';
import { type MaskedText, wholeWords } from '../text';
import type { DateFacts } from './facts';

/**
 * "the same day", "that day", "the day after", "same time", "el mismo día", "a la misma hora":
 * counted from the day and time in focus, or else from the visit just booked or moved. Without
 * either there is nothing to count from, and the words are only set aside.
 */

const SAME_DAY = wholeWords("(?:the )?same day|that day|(?:the )?day after(?! tomorrow)|el mismo dia|ese (?:mismo )?dia|al dia siguiente|el dia despues");
const SAME_TIME = wholeWords('(?:at )?(?:the )?same time|(?:a )?la misma hora');

export interface Anchor {
  /** yyyy-mm-dd in the business's zone. */
  day: string | null;
  /** ISO instant. */
  time: string | null;
}

function find(masked: MaskedText, pattern: RegExp): RegExpExecArray | null {
  pattern.lastIndex = 0;
  const match = pattern.exec(masked.text);
  if (match) masked.mask(match.index, match.index + match[0].length);
  return match;
}

export function scanSameDay(masked: MaskedText, facts: DateFacts, zoneOf: () => Zone, anchor: () => Anchor): void {
  const sameDay = find(masked, SAME_DAY);
  const sameTime = find(masked, SAME_TIME);
  if (!sameDay && !sameTime) return;
  const { day, time } = anchor();
  if (sameDay && day) {
    const date = DateTime.fromISO(day, { zone: zoneOf() }).plus({ days: /after|siguiente|despues/.test(sameDay[0]) ? 1 : 0 });
    facts.date = { year: date.year, month: date.month, day: date.day };
  }
  if (sameTime && time) {
    const at = DateTime.fromISO(time, { zone: zoneOf() });
    facts.time = { hour: at.hour, minute: at.minute, meridiemKnown: true, approximate: false };
  }
}
