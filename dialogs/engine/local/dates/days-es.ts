import type { Parser } from 'chrono-node';
import { B, dayAndMonth, dayOfMonth, daysAhead, E, regexParser } from './chrono-parsers';
import { dayInMonth, dayRange, monthMeant, monthPart, nthWeekday, RELATIVE_MONTH, weekendOf } from './month-days';
import { numberOf, numberWords } from './number-words';

/** Spanish (Chile and Latin America) days chrono-node 2.10 misses or misreads. */

const WEEKDAYS: Readonly<Record<string, number>> = {
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
};
const WEEKDAY_NAMES = Object.keys(WEEKDAYS).join('|');
/** Spanish month names ("mar" is left out: it is "martes" as often as "marzo"). */
const MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|feb|abr|jun|jul|ago|sept|sep|oct|nov|dic';
/** A day of the month in digits or words: "15", "quince", "primero". */
const DAY = `(\\d{1,2}|primero|${numberWords('es', 31)})`;
const NTH: Readonly<Record<string, number>> = {
  primer: 1,
  primero: 1,
  segundo: 2,
  tercer: 3,
  tercero: 3,
  cuarto: 4,
  quinto: 5,
  ultimo: -1,
};
/** "lu", "mx", "ju.": the two-letter weekdays of calendars, read only alone or before a day number. */
const SHORT_WEEKDAYS: Readonly<Record<string, number>> = { do: 0, lu: 1, ma: 2, mi: 3, mx: 3, ju: 4, vi: 5, sa: 6 };

/** A month named or counted: "octubre", "el próximo mes", "este mes". */
const MONTH = `(${MONTHS}|${RELATIVE_MONTH})`;

export const ES_DAY_PARSERS: readonly Parser[] = [
  // "el primer lunes de octubre", "el último viernes del mes"
  regexParser(
    new RegExp(`${B}(?:el\\s+)?(${Object.keys(NTH).join('|')})\\s+(${WEEKDAY_NAMES})\\s+del?\\s+${MONTH}${E}`, 'u'),
    (m, context) => nthWeekday(context, monthMeant(context, m[3]), NTH[m[1]], WEEKDAYS[m[2]]),
  ),
  // "el último fin de semana de octubre": its Saturday
  regexParser(
    new RegExp(`${B}(?:el\\s+)?(primer|ultimo)\\s+(?:fin\\s+de\\s+semana|finde)\\s+del?\\s+${MONTH}${E}`, 'u'),
    (m, context) => weekendOf(context, monthMeant(context, m[2]), m[1] === 'ultimo'),
  ),
  // "el 20 del próximo mes", "el veinte de este mes"
  regexParser(new RegExp(`${B}(?:el\\s+)?(?:dia\\s+)?${DAY}\\s+del?\\s+(${RELATIVE_MONTH})${E}`, 'u'), (m, context) =>
    dayInMonth(context, monthMeant(context, m[2]), numberOf(m[1])),
  ),
  // "el cinco de mayo", "el primero de marzo" (chrono reads the digits, not the words)
  regexParser(new RegExp(`${B}(?:el\\s+)?(?:dia\\s+)?${DAY}\\s+de\\s+(${MONTHS})${E}`, 'u'), (m, context) =>
    dayInMonth(context, monthMeant(context, m[2]), numberOf(m[1])),
  ),
  // "marzo 3", "abril 5": the month first, as a calendar writes it
  regexParser(
    new RegExp(
      `${B}(${MONTHS})\\.?\\s+(\\d{1,2})(?![\\d:./-]|\\s*(?:de\\s+la|hrs?|hs|h|horas|pm|am|y\\s)${E})${E}`,
      'u',
    ),
    (m, context) => dayInMonth(context, monthMeant(context, m[1]), Number(m[2])),
  ),
  // "principios de marzo", "mediados de abril", "fines de mayo", "a fin de mes"
  regexParser(
    new RegExp(
      `${B}(?:a\\s+|para\\s+|hacia\\s+)?(?:(?:los|las)\\s+)?(principios|comienzos|inicios|mediados|fines|finales|fin)\\s+del?\\s+${MONTH}${E}`,
      'u',
    ),
    (m, context) => monthPart(context, m, m[1], monthMeant(context, m[2])),
  ),
  // "del 13 al 15 de julio", "entre el 13 y el 15 de julio"
  regexParser(
    new RegExp(
      `${B}(?:del?|desde\\s+el|entre\\s+el)\\s+${DAY}\\s+(?:al|a|hasta\\s+el|y\\s+el)\\s+${DAY}\\s+de\\s+(${MONTHS})${E}`,
      'u',
    ),
    (m, context) => dayRange(context, m, monthMeant(context, m[3]), numberOf(m[1]), numberOf(m[2])),
  ),
  // "el día quince", "día once": a day said in words after "día"
  regexParser(new RegExp(`${B}(?:el\\s+)?dia\\s+${DAY}(?![\\d:./-])${E}`, 'u'), (m, context) =>
    dayOfMonth(context, numberOf(m[1]) ?? 0),
  ),
  // "lu", "mx.", "ju 14": alone, or before the day of the month
  regexParser(new RegExp(`^\\s*(${Object.keys(SHORT_WEEKDAYS).join('|')})\\.?(?=\\s*(?:$|\\d))`, 'u'), (m, context) =>
    context.createParsingComponents({ weekday: SHORT_WEEKDAYS[m[1]] }),
  ),
  // "el 25", "para el 3", "el dia 28", but not "el 2 de la tarde", "el 15:30" nor "el 5/1"
  regexParser(
    new RegExp(
      `${B}(?:el|del|al|para\\s+el)\\s+(?:dia\\s+)?(\\d{1,2})(?![\\d:./-]|\\s*(?:de\\s+la|hrs?|hs|h|horas|pm|am|y\\s+(?:media|cuarto))${E})${E}`,
      'u',
    ),
    (m, context) => dayOfMonth(context, Number(m[1])),
  ),
  // "el 3-12", "jueves 3-12" are the 3rd of December (chrono reads "3/12" day first, but "3-12"
  // as hours); after a weekday only when the date falls on it, since "jueves 9-11" is hours
  regexParser(
    new RegExp(
      `${B}(el|del|al|para\\s+el|${Object.keys(WEEKDAYS).join('|')})\\s+(?:dia\\s+)?(\\d{1,2})-(\\d{1,2})(?![\\d:-])${E}`,
      'u',
    ),
    (m, context) => dayAndMonth(context, Number(m[2]), Number(m[3]), WEEKDAYS[m[1]]),
  ),
  // "martes 24": a date only when the 24th is a Tuesday
  regexParser(
    new RegExp(
      `${B}(${Object.keys(WEEKDAYS).join('|')})\\s+(\\d{1,2})(?![\\d:./-]|\\s*(?:de\\s+la|hrs?|hs|h|pm|am|y\\s)${E})${E}`,
      'u',
    ),
    (m, context) => dayOfMonth(context, Number(m[2]), WEEKDAYS[m[1]]),
  ),
  regexParser(new RegExp(`${B}pasado\\s+manana${E}`, 'u'), (_m, context) => daysAhead(context, 2)),
];
