import { numberOf, numberWords } from './number-words';

/**
 * How much time a phrase counts: "2 hours", "half an hour", "1/2h", "2.5 hours", "2 and a half
 * hours", "a couple of hours", "twenty minutes", "veinticuatro horas", "una hora y media".
 */

export type Unit = 'minute' | 'hour' | 'day' | 'week';

/** An amount, as a pattern's source with no group of its own. */
export const AMOUNT =
  '(?:\\d+(?:[.,]\\d+)?|1/2|half an?|half a|an?|one|a couple(?: of)?|couple(?: of)?|a few|few|unas? pocas?|un par de|medio|media|una?|' +
  `${numberWords('en', 59)}|${numberWords('es', 59)})(?:\\s+and\\s+an?\\s+half|\\s+y\\s+medi[ao]|\\s+and\\s+a\\s+quarter|\\s+y\\s+cuarto)?`;

/** A unit of time, as a pattern's source with no group of its own; "h", "m" and "'" only after digits ("1/2h", "30'"). */
export const UNIT =
  "(?:(?<=\\d\\s?)(?:m|h|')|minutes?|mins?|hours?|hrs?|horas?|minutos?|days?|dias?|weeks?|wks?|semanas?)(?![\\p{L}\\p{N}])";

const PLAIN: Readonly<Record<string, number>> = {
  half: 0.5,
  'half an': 0.5,
  'half a': 0.5,
  medio: 0.5,
  media: 0.5,
  a: 1,
  an: 1,
  'a couple': 2,
  'a couple of': 2,
  couple: 2,
  'couple of': 2,
  'un par de': 2,
  'a few': 3,
  few: 3,
  'unos pocos': 3,
  'unas pocas': 3,
};

/** The number an amount stands for, or null. */
export function amountOf(text: string): number | null {
  const said = text.trim().replace(/\s+/g, ' ');
  const extra = /\s+(?:and an? half|y medi[ao])$/.test(said)
    ? 0.5
    : /\s+(?:and a quarter|y cuarto)$/.test(said)
      ? 0.25
      : 0;
  const base = said.replace(/\s+(?:and an? half|y medi[ao]|and a quarter|y cuarto)$/, '');
  if (base === '1/2') return 0.5 + extra;
  if (/^\d+[.,]\d+$/.test(base)) return Number(base.replace(',', '.')) + extra;
  const value = PLAIN[base] ?? numberOf(base);
  return value === null ? null : value + extra;
}

export function unitOf(text: string): Unit {
  if (/^(?:d|dia)/.test(text)) return 'day';
  if (/^(?:w|semana)/.test(text)) return 'week';
  if (/^(?:h|hora)/.test(text)) return 'hour';
  return 'minute';
}

/** Minutes in an amount of minutes or hours. */
export function minutesIn(amount: number, unit: Unit): number {
  return Math.round(amount * (unit === 'hour' ? 60 : unit === 'day' ? 24 * 60 : unit === 'week' ? 7 * 24 * 60 : 1));
}
