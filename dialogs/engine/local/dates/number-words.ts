import type { Locale } from '../../../../core/locale';

/**
 * Numbers written as words, in both languages, as people say clock times, days and amounts:
 * "three twenty", "twenty-five past", "the twenty first", "a las tres y quince", "el cinco de
 * mayo", "en veinticuatro horas". Texts are folded (lower case, no accents) before they are read,
 * so the words are written without accents. Each table is built once, from the rules of the
 * language rather than listed by hand.
 */

const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty'];
const EN_ORDINAL_UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const EN_ORDINAL_TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];

const ES_WORDS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciseis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidos',
  'veintitres',
  'veinticuatro',
  'veinticinco',
  'veintiseis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta'];

/** Each word of a list stands for its place in it plus `offset`; empty places are skipped. */
function addAll(words: Map<string, number>, list: readonly string[], offset: number): void {
  for (const [n, word] of list.entries()) if (word) words.set(word, offset + n);
}

/** "twenty one" and "twenty-one" are both 21. */
function enCardinals(): Map<string, number> {
  const words = new Map<string, number>();
  addAll(words, EN_UNITS, 0);
  addAll(words, EN_TEENS, 10);
  for (let tens = 2; tens <= 5; tens++) {
    words.set(EN_TENS[tens], tens * 10);
    for (let unit = 1; unit <= 9; unit++)
      for (const joint of [' ', '-']) words.set(`${EN_TENS[tens]}${joint}${EN_UNITS[unit]}`, tens * 10 + unit);
  }
  return words;
}

/** "first" … "thirty-first", also "twenty first" and "thirtieth". */
function enOrdinals(): Map<string, number> {
  const words = new Map<string, number>();
  addAll(words, EN_ORDINAL_UNITS, 0);
  addAll(words, EN_ORDINAL_TEENS, 10);
  words.set('twentieth', 20);
  words.set('thirtieth', 30);
  for (const [tens, word] of [
    [2, 'twenty'],
    [3, 'thirty'],
  ] as const)
    for (let unit = 1; unit <= (tens === 3 ? 1 : 9); unit++)
      for (const joint of [' ', '-']) words.set(`${word}${joint}${EN_ORDINAL_UNITS[unit]}`, tens * 10 + unit);
  return words;
}

/** "treinta y uno", "veintiuno", "veinte y cinco" (heard too); "un"/"una" are one. */
function esCardinals(): Map<string, number> {
  const words = new Map<string, number>();
  addAll(words, ES_WORDS, 0);
  words.set('un', 1);
  words.set('una', 1);
  for (let unit = 1; unit <= 9; unit++) words.set(`veinte y ${ES_WORDS[unit]}`, 20 + unit);
  for (let tens = 3; tens <= 5; tens++) {
    words.set(ES_TENS[tens], tens * 10);
    for (let unit = 1; unit <= 9; unit++) words.set(`${ES_TENS[tens]} y ${ES_WORDS[unit]}`, tens * 10 + unit);
  }
  return words;
}

const CARDINALS_BY_LOCALE: Readonly<Record<Locale, ReadonlyMap<string, number>>> = {
  en: enCardinals(),
  es: esCardinals(),
};
const CARDINALS = new Map([...CARDINALS_BY_LOCALE.en, ...CARDINALS_BY_LOCALE.es]);
const ORDINALS = new Map([...enOrdinals(), ['primero', 1], ['primer', 1]]);

/** Longest first, so "twenty one" is taken whole rather than as "twenty". */
function alternation(words: Iterable<string>, max: number, table: ReadonlyMap<string, number>): string {
  return [...words]
    .filter((w) => (table.get(w) ?? Number.POSITIVE_INFINITY) <= max)
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/**
 * A number from 1 to `max` in one language's words, as a pattern's source (no group of its own).
 * "un" and "una" are left out: they are articles far more often than minutes or days.
 */
export function numberWords(locale: Locale, max: number): string {
  const table = CARDINALS_BY_LOCALE[locale];
  return alternation(
    [...table.keys()].filter((w) => (table.get(w) ?? 0) >= 1 && w !== 'un' && w !== 'una'),
    max,
    table,
  );
}

/** A day of the month as an ordinal word ("third", "twenty-first", "primero"). */
export const ORDINAL_WORDS = alternation(ORDINALS.keys(), 31, ORDINALS);

/** The value of digits, a number word or an ordinal word; null when it is none of these. */
export function numberOf(text: string): number | null {
  const said = text.trim().replace(/\s+/g, ' ');
  if (/^\d+$/.test(said)) return Number(said);
  return CARDINALS.get(said) ?? ORDINALS.get(said) ?? null;
}
