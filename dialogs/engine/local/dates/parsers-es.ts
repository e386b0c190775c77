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
  regexParser,
  startsInsideNumber,
} from './chrono-parsers';

/** Spanish (Chile and Latin America) forms chrono-node 2.10 misses or misreads. */

const LAS = '(?:a\\s+)?(?:las?\\s+)?';
const WEEKDAYS: Readonly<Record<string, number>> = {
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
};
const MINUTES: Readonly<Record<string, number>> = { cinco: 5, diez: 10, cuarto: 15, veinte: 20, media: 30 };

function minutesOf(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : MINUTES[text];
}

export const ES_PARSERS: readonly Parser[] = [
  // "las doce menos cuarto" (11:45), "a las 5 menos 10"
  regexParser(
    new RegExp(`${B}${LAS}${HOUR}\\s+menos\\s+(cuarto|cinco|diez|veinte|\\d{1,2})${E}`, 'u'),
    (m, context) => {
      const hour = hourOf(m[1]);
      return hour === null ? null : clockComponents(context, (hour + 11) % 12 || 12, 60 - minutesOf(m[2]));
    },
  ),
  // "a las 4 y media", "3 y cuarto", "las 4 y 20" (digits after "y" only with "las": "2 y 3" are options)
  regexParser(new RegExp(`${B}${LAS}${HOUR}\\s+y\\s+(media|cuarto|cinco|diez|veinte)${E}`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), minutesOf(m[2])),
  ),
  regexParser(new RegExp(`${B}(?:a\\s+)?las?\\s+${HOUR}\\s+y\\s+(\\d{1,2})${E}`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), minutesOf(m[2])),
  ),
  // "entre las 2 y las 4", "de 10 a 12", "desde las 3 hasta las 5"
  regexParser(
    new RegExp(
      `${B}(?:entre\\s+(?:las?\\s+)?${HOUR}(?::(\\d{2}))?\\s+y\\s+(?:las?\\s+)?${HOUR}(?::(\\d{2}))?|(?:de|desde)\\s+(?:las?\\s+)?${HOUR}(?::(\\d{2}))?\\s+(?:a|hasta)\\s+(?:las?\\s+)?${HOUR}(?::(\\d{2}))?)${E}`,
      'u',
    ),
    (m, context) =>
      m[1] !== undefined
        ? clockRange(context, m, { hour: m[1], minute: m[2] }, { hour: m[3], minute: m[4] })
        : clockRange(context, m, { hour: m[5], minute: m[6] }, { hour: m[7], minute: m[8] }),
  ),
  // "mañana 10 a 12", "10:30 a 12", "jueves 9-11": a window without "de"
  regexParser(
    new RegExp(
      `${B}(\\d{1,2})(?::(\\d{2}))?(?:\\s+a\\s+|\\s*-\\s*)(\\d{1,2})(?::(\\d{2}))?(?![\\d:./-]|\\s*(?:min\\w*|hrs?|horas?|dias?|semanas?|personas?|autos?)${E})${E}`,
      'u',
    ),
    (m, context) =>
      startsInsideNumber(context, m)
        ? null
        : clockRange(context, m, { hour: m[1], minute: m[2] }, { hour: m[3], minute: m[4] }),
  ),
  // "después de las 3", "desde las 4"
  regexParser(new RegExp(`${B}(?:despues\\s+de|desde)\\s+las?\\s+${HOUR}(?::(\\d{2}))?${E}`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0)),
  ),
  // "tipo 3", "como a las 3", "a eso de las 4", "alrededor de las 11:30"
  regexParser(
    new RegExp(
      `${B}(?:tipo(?:\\s+a\\s+las?)?|como\\s+(?:a\\s+)?las?|a\\s+eso\\s+de\\s+las?|alrededor\\s+de\\s+las?|cerca\\s+de\\s+las?|por\\s+ahi\\s+de\\s+las?|aprox\\.?(?:\\s+a\\s+las?)?)\\s+${HOUR}(?::(\\d{2}))?${E}`,
      'u',
    ),
    (m, context) => clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { approximate: true }),
  ),
  // "15 hrs", "a las 9:30 hrs", "15h": Chileans write the 24-hour clock this way
  regexParser(
    new RegExp(`${B}(?:a\\s+las?\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(?:hrs?|hs|h)\\.?${E}`, 'u'),
    (m, context) => clockComponents(context, hourOf(m[1]), Number(m[2] ?? 0), { meridiem: '24h' }),
  ),
  // "a las tres", "a la una"
  regexParser(
    new RegExp(`${B}(?:a\\s+)?las?\\s+(una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)${E}`, 'u'),
    (m, context) => clockComponents(context, hourOf(m[1]), 0),
  ),
  regexParser(new RegExp(`${B}(?:al\\s+|a\\s+)?mediodia${E}`, 'u'), (_m, context) =>
    clockComponents(context, 12, 0, { meridiem: '24h' }),
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
