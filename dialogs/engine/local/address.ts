import { wholeWords } from './text';

/**
 * Street addresses, kept whole: the number, the street, a unit and the city written after a
 * comma ("455 Market St, San Francisco", "1550 Mission St Apt 3, San Francisco, CA 94103",
 * "Av. Providencia 1234, depto 52, Providencia"). In a message that is about something else a
 * street needs its suffix ("St", "Ave") or a Spanish prefix ("calle", "av."), or else a city
 * after it ("400 Broadway, Oakland", "Los Leones 456, Providencia"), so "2 oil changes" stays a
 * count; a city is capitalised as written. Patterns run on the folded text (lower case, same
 * length); capitals are checked on the original.
 */

const STREET_EN =
  'st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|pkwy|parkway|hwy|highway|cir|circle|ter|terrace|trl|trail|loop|sq|square|plaza|real';
/** A word of a street name: starts with a letter ("Oak") or is an ordinal ("5th"), never "at". */
const STREET_WORD = "(?!(?:at|on|for|in|by|and|to)\\s)(?:\\p{L}[\\p{L}\\p{N}'.-]*|\\d+(?:st|nd|rd|th))";
const UNIT =
  '(?:,?\\s*(?:apt|apartment|unit|ste|suite|#|depto|dpto|departamento|casa|of|oficina|piso|floor|fl)\\.?\\s*[\\p{L}\\p{N}-]+)?';
/** Words that end a city: what follows an address in a booking text ("… Oakland tomorrow at 9"). */
const NOT_CITY =
  'at|on|for|in|and|with|please|pls|the|is|it|tomorrow|today|tonight|next|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
  'manana|hoy|el|la|a|de|para|por|con|y|lunes|martes|miercoles|jueves|viernes|sabado|domingo|my|mi|i|we|can|could';
const CITY_WORD = `(?!(?:${NOT_CITY})(?![\\p{L}\\p{N}]))\\p{L}[\\p{L}'.-]*`;
/** ", San Francisco", ", Oakland CA 94610", ", Palo Alto, unit 12": the rest of the address. */
const CITY = `(?:,\\s*${CITY_WORD}(?:\\s+${CITY_WORD}){0,2}(?:,?\\s+(?!(?:${NOT_CITY})(?![\\p{L}\\p{N}]))[a-z]{2}(?![\\p{L}\\p{N}]))?(?:\\s+\\d{5})?${UNIT})`;

const STREET_WITH_SUFFIX = `\\d{1,6}\\s+(?:[nsew]\\.?\\s+)?(?:${STREET_WORD}\\s+){0,3}?(?:${STREET_EN})\\.?${UNIT}`;
const STREET_WITH_PREFIX = `(?:calle|avenida|avda|av|pasaje|psje|pje|camino)\\.?\\s+(?:[\\p{L}'-]+\\s+){1,4}#?\\s*\\d{1,5}${UNIT}`;
const STREET_NUMBER_FIRST = `\\d{1,6}\\s+(?:${STREET_WORD}\\s+){0,2}${STREET_WORD}${UNIT}`;
const STREET_NAME_FIRST = `(?:${CITY_WORD}\\s+){1,3}#?\\d{1,5}${UNIT}`;

const ADDRESS = wholeWords(
  `(?:${STREET_WITH_SUFFIX}|${STREET_WITH_PREFIX})${CITY}?|(?:${STREET_NUMBER_FIRST}|${STREET_NAME_FIRST})${CITY}`,
);
const DIGIT = /\d/;
const MARKED_STREET = new RegExp(`^(?:${STREET_WITH_SUFFIX}|${STREET_WITH_PREFIX})(?![\\p{L}\\p{N}])`, 'u');
const UNIT_WORD = /^(?:apt|apartment|unit|ste|suite|depto|dpto|departamento|casa|of|oficina|piso|floor|fl)\.?$/i;

/** Whether every word of the customer's own spelling starts with a capital (unit words aside). */
function capitalised(original: string): boolean {
  const words = original.split(/[\s,]+/).filter((w) => /^\p{L}/u.test(w) && !UNIT_WORD.test(w));
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * Where the address in a message is ([start, end) of the folded text), or null. A street marked
 * as one keeps a city written after it when the city is capitalised ("455 Market St, San
 * Francisco"); an unmarked street counts only with its city, both capitalised.
 */
export function findAddress(folded: string, original: string): { start: number; end: number } | null {
  // Every address has its number: most messages are done with here.
  if (!DIGIT.test(folded)) return null;
  ADDRESS.lastIndex = 0;
  const match = ADDRESS.exec(folded);
  if (!match) return null;
  const start = match.index;
  const end = start + match[0].length;
  const marked = MARKED_STREET.exec(match[0]);
  if (marked) {
    const street = start + marked[0].length;
    return end > street && !capitalised(original.slice(street, end)) ? { start, end: street } : { start, end };
  }
  return capitalised(original.slice(start, end)) ? { start, end } : null;
}

/** A house number with a street: "12 Oak", "Providencia 1234", not "3pm", "10:30" or "2 hours". */
const HOUSE_NUMBER =
  /(?:\d{1,6}[a-z]?(?![\p{L}\p{N}:]|\s*(?:am|pm|a\.?m\.?|p\.?m\.?|hrs?|horas?|hours?|min\w*|h)(?![\p{L}\p{N}]))\s*,?\s+\p{L}{2,}|\p{L}{2,}\.?\s+#?\d{1,6}(?![\p{L}\p{N}:]|\s*(?:am|pm|hrs?|horas?|h)(?![\p{L}\p{N}])))/u;
/** A street said some other way: "calle Merced", "on 5th and Main", "the corner of Elm", "esquina Los Leones". */
const STREET_WORDS = wholeWords(
  `calle|avenida|avda|av|pasaje|psje|pje|camino|esquina|corner of|intersection|\\d+(?:st|nd|rd|th)|${STREET_EN}`,
  'u',
);

/** Whether an answer to "what address?" is one at all ("tomorrow" and "Maria" are not). */
export function looksLikeAddress(folded: string): boolean {
  return HOUSE_NUMBER.test(folded) || STREET_WORDS.test(folded);
}
