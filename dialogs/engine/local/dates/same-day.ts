import type { DateTime } from 'luxon';
import { type MaskedText, wholeWords } from '../text';
import type { DateFacts } from './facts';

/**
 * "the same day", "that day", "the day after", "same time", "el mismo día", "a la misma hora":
 * counted from the day and time in focus, or else from the visit just booked or moved. Without
 * either there is nothing to count from, and the words are only set aside.
 */

const SAME_DAY = wholeWords(
  '(?:the )?same day|that day|(?:the )?day after(?! (?:tomorrow|tmrw|tmr|tmw|tomorow|tommorow))|el mismo dia|ese (?:mismo )?dia|al dia siguiente|el dia despues',
);
const SAME_TIME = wholeWords('(?:at )?(?:the )?same time|(?:a )?la misma hora');

/** What "the same day" and "same time" refer to, on the business's wall clock. */
export interface Anchor {
  day: DateTime | null;
  time: DateTime | null;
}

export function scanSameDay(masked: MaskedText, facts: DateFacts, anchor: () => Anchor): void {
  const sameDay = masked.takeFirst(SAME_DAY);
  const sameTime = masked.takeFirst(SAME_TIME);
  if (!sameDay && !sameTime) return;
  const { day, time } = anchor();
  if (sameDay && day) {
    const date = day.plus({ days: /after|siguiente|despues/.test(sameDay[0]) ? 1 : 0 });
    facts.date = { year: date.year, month: date.month, day: date.day };
  }
  if (sameTime && time) facts.time = { hour: time.hour, minute: time.minute, meridiemKnown: true, approximate: false };
}
