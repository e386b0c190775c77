import { editDistance } from '../edit-distance';
import type { Locale } from '../../../../core/locale';
import { type MaskedText, matchesOf } from '../text';

/**
 * Weekdays as thumbs type them: "tues", "weds", "wensday", "firday", "juebes", "vierns". Each is
 * rewritten in place (same length) to a form chrono reads: the name itself when it fits, else
 * its abbreviation ("wed."). A word counts when it starts with the name's letter, is one edit
 * from a short name or two from a long one, and is no common word ("money", "sundae"; "vienes"
 * only after "el"). Each language's names are looked for in messages in that language only
 * ("lines" is not "lunes").
 */

const SHORT_WEEKDAY = /(?<![\p{L}\p{N}])(tues|weds)(?![\p{L}\p{N}])/gu;

// English names are only ever misspelt with their final y; Spanish confuses b and v.
const BY_LOCALE: Readonly<Record<Locale, { names: readonly string[]; words: RegExp }>> = {
  en: {
    names: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    words: /(?<![\p{L}\p{N}])\p{L}{4,9}y(?![\p{L}\p{N}])/gu,
  },
  es: {
    names: ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'],
    words: /(?<![\p{L}\p{N}])[lmjvbsd]\p{L}{4,9}(?![\p{L}\p{N}])/gu,
  },
};
/** Words that are something else, unless a day is plainly meant ("el vienes"). */
const NOT_WEEKDAYS = new Set(['vienes', 'lunas', 'martas', 'mares', 'saludo']);
const DAY_ARTICLE = /(?:^|\s)(?:el|este|proximo|para el)\s+$/u;
/** "mar." is not read as martes: a shorter typo of it is left alone. */
const ABBREVIATION: Readonly<Record<string, string | undefined>> = {
  monday: 'mon.',
  tuesday: 'tue.',
  wednesday: 'wed.',
  thursday: 'thu.',
  friday: 'fri.',
  saturday: 'sat.',
  sunday: 'sun.',
  lunes: 'lun.',
  miercoles: 'mie.',
  jueves: 'jue.',
  viernes: 'vie.',
  sabado: 'sab.',
  domingo: 'dom.',
};

function weekdayMeant(word: string, names: readonly string[], afterArticle: boolean): string | undefined {
  if (names.includes(word) || (NOT_WEEKDAYS.has(word) && !afterArticle)) return undefined;
  const spoken = word.replace(/b/g, 'v');
  return names.find(
    (name) => name[0] === spoken[0] && editDistance(spoken, name.replace(/b/g, 'v'), 2) <= (name.length >= 8 ? 2 : 1),
  );
}

function rewriteTypos(masked: MaskedText, { names, words }: { names: readonly string[]; words: RegExp }): void {
  for (const match of matchesOf(words, masked.text)) {
    const name = weekdayMeant(match[0], names, DAY_ARTICLE.test(masked.text.slice(0, match.index)));
    const written = name && (name.length <= match[0].length ? name : ABBREVIATION[name]);
    if (written && written.length <= match[0].length) masked.rewrite(match.index, written.padEnd(match[0].length));
  }
}

export function normaliseWeekdays(masked: MaskedText, locale: Locale): void {
  for (const match of matchesOf(SHORT_WEEKDAY, masked.text)) masked.rewrite(match.index, `${match[1].slice(0, 3)}.`);
  rewriteTypos(masked, BY_LOCALE[locale]);
}
