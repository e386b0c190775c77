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
  regexParser,
  startsInsideNumber,
} from './chrono-parsers';
import { numberOf, numberWords } from './number-words';

/**
 * Spanish (Chile and Latin America) times of day chrono-node 2.10 misses or misreads: minutes
 * in words ("y treinta", "menos veinte", "y cuarenta y cinco"), "a las 17 horas", "a las 9 30",
 * "medio día", loose and ranged times.
 */

const LAS = '(?:a\\s+)?(?:las?\\s+)?';
/** Minutes in words: "cuarto", "media", "veinte", "cuarenta y cinco". */
const MINUTE_WORDS = `cuarto|media|${numberWords('es', 59)}`;

function minutesOf(text: string): number | null {
  if (text === 'cuarto') return 15;
  if (text === 'media') return 30;
  return numberOf(text);
}

export const ES_CLOCK_PARSERS: readonly Parser[] = [
  H_CLOCK_RANGE,
  H_CLOCK,
  // "las doce menos cuarto" (11:45), "a las 5 menos 10"
  regexParser(new RegExp(`${B}${LAS}${HOUR}\\s+menos\\s+(${MINUTE_WORDS}|\\d{1,2})${E}`, 'u'), (m, context) => {
    const hour = hourOf(m[1]);
    const minutes = minutesOf(m[2]);
    return hour === null || minutes === null || minutes < 1
      ? null
      : clockComponents(context, (hour + 11) % 12 || 12, 60 - minutes);
  }),
  // "a las 4 y media", "3 y cuarto", "las tres y cuarenta y cinco", "las 4 y 20" (digits after
  // "y" only with "las": "2 y 3" are options)
  regexParser(new RegExp(`${B}${LAS}${HOUR}\\s+y\\s+(${MINUTE_WORDS})${E}`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), minutesOf(m[2]) ?? -1),
  ),
  regexParser(new RegExp(`${B}(?:a\\s+)?las?\\s+${HOUR}\\s+y\\s+(\\d{1,2})${E}`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), Number(m[2])),
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
  // "15 hrs", "a las 9:30 hrs", "15h", "a las 17 horas": Chileans write the 24-hour clock this way;
  // "2 horas" alone is a duration, so "horas" counts after "las" or past 12
  regexParser(
    new RegExp(`${B}(a\\s+las?\\s+|las?\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(hrs?|hs|h|horas)\\.?${E}`, 'u'),
    (m, context) =>
      m[4] === 'horas' && !m[1] && Number(m[2]) <= 12
        ? null
        : clockComponents(context, hourOf(m[2]), Number(m[3] ?? 0), { meridiem: '24h' }),
  ),
  // "a las 9 30", "las 10 45": the hour and its minutes as two numbers
  regexParser(new RegExp(`${B}(?:a\\s+)?las?\\s+(\\d{1,2})\\s+([0-5]\\d)(?![\\p{L}\\p{N}:/.-])`, 'u'), (m, context) =>
    clockComponents(context, hourOf(m[1]), Number(m[2])),
  ),
  // "a las tres", "a la una"
  regexParser(
    new RegExp(`${B}(?:a\\s+)?las?\\s+(una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)${E}`, 'u'),
    (m, context) => clockComponents(context, hourOf(m[1]), 0),
  ),
  regexParser(new RegExp(`${B}(?:al\\s+|a\\s+)?(?:el\\s+)?medio\\s?dia${E}`, 'u'), (_m, context) =>
    clockComponents(context, 12, 0, { meridiem: '24h' }),
  ),
];
