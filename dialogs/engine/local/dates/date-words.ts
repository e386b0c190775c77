import { wholeWords } from '../text';

/**
 * Whether a (folded) text could name a date or time at all: a digit, a word no reading of a date
 * or time does without (a weekday, a month, "tomorrow", "noon", a unit such as "week"), or an
 * hour in words where one is said ("at three", "las doce", "twenty past four"). Most messages
 * name none ("cancel my appointment", "how much are brakes?", "this is Sam"), and for those
 * neither language's chrono needs to run. Words that are dates only beside others ("next",
 * "this", "one", "las", "am"; "hora", an appointment in Chile) do not count alone.
 */

const DAY_WORDS = [
  // English: weekdays, months, days, parts, units
  'mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday',
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december',
  'today|todays|tonight|tonite|tomorrow|tomorrows|yesterday|now|noon|midnight|midday|mid ?day|mid-?morning|mid-?afternoon|morning|mornings|afternoon|afternoons|evening|evenings|night|weekend|eod|cob|oclock',
  'seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnight|months?|years?|ago|later|hence',
  // Texting spellings of tomorrow and today ("2moro" and "2day" have a digit)
  'tmw|tmrw|tmr|tmrow|tomorow|tommorow|tommorrow|tomorrw|tomorro|tmorrow|tomm|tmrws|tdy',
  // Spanish
  'hoy|manana|ayer|anoche|pasado|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lun|mie|jue|vie|sab|dom',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|abr|ago|dic',
  'mediodia|medianoche|medio ?dia|tarde|noche|madrugada|ahora|finde|segundos?|minutos?|dias?|semanas?|mes|meses|anos?|principios|mediados|fines|finales',
].join('|');

const HOUR_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const ES_HOUR_WORDS = 'una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce';
const TENS = 'twenty|thirty|forty|fifty|quarter|half|ten|five';

/** An hour said in words with what makes it one: "at three", "three thirty", "ten past four", "a las tres". */
const HOUR_SAID = [
  `(?:at|by|for|around|about|past|after|to|til|till|before|half|until)\\s+(?:${HOUR_WORDS})`,
  `(?:${HOUR_WORDS})\\s+(?:o ?clock|oh|fifteen|twenty|thirty|forty|fifty|am|pm|tonight|this|in the)`,
  `(?:${TENS})\\s+(?:past|after|to|til|till|before|of)`,
  `(?:las?|a la)\\s+(?:${ES_HOUR_WORDS})`,
  `(?:${ES_HOUR_WORDS})\\s+(?:y|menos|de la|en la|por la)`,
  // "on the first", "el día quince", "el cinco de mayo" name their month or "día" besides
  'on the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\w+(?:st|nd|rd|th))',
].join('|');

const DATE_WORD = wholeWords(`${DAY_WORDS}|${HOUR_SAID}`, 'u');
/** "lu", "mx", "ju 14": a two-letter weekday, alone or before a day of the month. */
const SHORT_WEEKDAY = /^\s*(?:lu|ma|mi|mx|ju|vi|sa|do)\.?(?:\s*\d.*)?\s*$/u;
const DIGIT = /\d/;

export function mayHoldADate(folded: string): boolean {
  return DIGIT.test(folded) || saysADateInWords(folded);
}

/**
 * Whether a text names a date or time with words: only then is the other language worth a try
 * when the customer's found none ("3pm mañana"); digits read the same in both.
 */
export function saysADateInWords(folded: string): boolean {
  return DATE_WORD.test(folded) || SHORT_WEEKDAY.test(folded);
}
