import { wholeWords } from '../text';

/**
 * Whether a (folded) text could name a date or time at all: a digit, or a word every reading of
 * a date or time needs (a weekday, a month, "tomorrow", "noon", a unit such as "week", an hour
 * in words, "las"). Most messages name none ("cancel my appointment", "how much are brakes?"),
 * and for those neither language's chrono needs to run.
 */

const WORDS = [
  // English: days, parts, units, relative words
  'mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday',
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december',
  'today|todays|tonight|tonite|tomorrow|tomorrows|yesterday|now|noon|midnight|midday|mid|morning|mornings|afternoon|afternoons|evening|evenings|night|weekend|eod|cob',
  'seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnight|months?|years?|ago|later|hence|next|last|this|quarter|half|am|pm|oclock|o',
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|first|second|third',
  // Spanish
  'hoy|manana|ayer|anoche|pasado|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lun|mie|jue|vie|sab|dom|lu|ma|mi|mx|ju|vi|sa|do',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|abr|ago|dic',
  'mediodia|medianoche|medio|tarde|noche|madrugada|ahora|finde|segundos?|minutos?|horas?|dias?|semanas?|mes|meses|anos?|proxim[oa]s?|siguiente|principios|mediados|fines|finales',
  'una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|las?|primero|primer',
].join('|');

// Texting spellings of tomorrow and today ("tmrw", "tomoro", "tdy"); "2moro" and "2day" have a digit.
const DATE_WORD = wholeWords(`${WORDS}|t\\w*m\\w*r\\w*|tmw|tdy`, 'u');
const DIGIT = /\d/;

export function mayHoldADate(folded: string): boolean {
  return DIGIT.test(folded) || DATE_WORD.test(folded);
}
