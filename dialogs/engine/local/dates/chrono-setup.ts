import * as chrono from 'chrono-node';
import type { Locale } from '../../../../core/locale';
import { APPROXIMATE_TAG } from './chrono-parsers';
import { EN_CLOCK_PARSERS } from './clock-en';
import { ES_CLOCK_PARSERS } from './clock-es';
import { EN_DAY_PARSERS } from './days-en';
import { ES_DAY_PARSERS } from './days-es';

/**
 * chrono-node for each language with our parsers in front (so they win ties with chrono's own)
 * and one refiner that drops readings nobody means in a booking text.
 */

/**
 * "una hora" is an appointment in Chile, not "within an hour" ("en una hora" is read elsewhere);
 * "mi hija de 5 años", "a 10 year old car" say how old, not when.
 */
const BARE_DURATION =
  /^(?:(?:de|of)\s+)?(?:una?|an?|\d+)\s+(?:horas?|hours?|minutos?|minutes?|dias?|days?|semanas?|weeks?|anos?|years?|meses|months?)(?:\s+old)?$/;

/**
 * Readings nobody means in a booking text: "may I" and "in March" (a month without a day),
 * "I sat there", "the sun", and a bare duration ("una hora").
 */
const dropUnlikely: chrono.Refiner = {
  refine: (context, results) =>
    results.filter((result) => {
      const start = result.start;
      if (start.isCertain('month') && !start.isCertain('day')) return false;
      if (BARE_DURATION.test(result.text.trim())) return false;
      const before = context.text.slice(Math.max(0, result.index - 6), result.index);
      return !(/^(?:sat|sun|mar)$/.test(result.text.trim()) && /(?:^|\s)(?:i|we|he|she|they|the|el)\s+$/.test(before));
    }),
};

/**
 * What others read is blanked out with spaces, and some of chrono's patterns run on into them
 * ("dec" plus twelve spaces); trimmed first, such a reading no longer outweighs a longer real one
 * ("18th dec") when chrono removes overlaps.
 */
const trimmed: chrono.Refiner = {
  refine: (_context, results) => {
    for (const result of results) result.text = result.text.trimEnd();
    return results;
  },
};

/** "tipo 10 y media", "around 3:30": a time said loosely, whichever parser read the time itself. */
const LOOSELY =
  /(?:around|(?<!how |what )about|arround|round|roughly|approx\.?|approximately|~|tipo|como|a eso de|alrededor de|cerca de|por ahi de)\s*(?:a\s+)?(?:las?\s+|at\s+)?$/;
const markApproximate: chrono.Refiner = {
  refine: (context, results) => {
    for (const result of results) {
      if (
        result.start.isCertain('hour') &&
        LOOSELY.test(context.text.slice(Math.max(0, result.index - 24), result.index))
      )
        result.start.addTag(APPROXIMATE_TAG);
    }
    return results;
  },
};

/** The one option every parse uses; the parsers' patterns are read with it too. */
const OPTION: chrono.ParsingOption = { forwardDate: true };

interface PatternedParser {
  parser: chrono.Parser;
  /** The parser's pattern, as chrono asks for it at the start of every parse. */
  pattern: RegExp;
}

interface Configured {
  parsers: readonly PatternedParser[];
  refiners: readonly chrono.Refiner[];
}

/**
 * chrono's parsers build their patterns from the option alone (forwardDate), never from the text
 * or the reference, and ours are constants: read once, they are what every parse would use.
 */
function patterned(parsers: readonly chrono.Parser[]): PatternedParser[] {
  const context = new chrono.ParsingContext('', new Date(0), OPTION);
  return parsers.map((parser) => {
    const pattern = parser.pattern(context);
    // test() must not depend on an earlier test: only a global or sticky pattern keeps lastIndex.
    if (pattern.global || pattern.sticky) throw new Error(`chrono pattern ${pattern} is global or sticky`);
    return { parser, pattern };
  });
}

function withOurs(base: chrono.Chrono, parsers: readonly chrono.Parser[]): Configured {
  return {
    parsers: patterned([...parsers, ...base.parsers]),
    refiners: [trimmed, ...base.refiners, dropUnlikely, markApproximate],
  };
}

const CHRONOS: Readonly<Record<Locale, Configured>> = {
  en: withOurs(chrono.en.casual, [...EN_DAY_PARSERS, ...EN_CLOCK_PARSERS]),
  es: withOurs(chrono.es.casual, [...ES_DAY_PARSERS, ...ES_CLOCK_PARSERS]),
};

/**
 * chrono's reading of a text in one language, with only the parsers whose pattern matches it.
 * chrono runs each parser on its own (a parser whose pattern does not match the text yields
 * nothing), keeps the parsers' order among equal positions (a stable sort), and every refiner
 * (chrono's filters, mergers and adjusters, and ours) gives back an empty list for an empty one:
 * the others would add nothing, and most messages, which name no date, skip chrono altogether.
 * `reference` is asked for only when chrono runs.
 */
export function parseDates(
  locale: Locale,
  text: string,
  reference: () => chrono.ParsingReference,
): chrono.ParsedResult[] {
  const { parsers, refiners } = CHRONOS[locale];
  const matching = parsers.filter(({ pattern }) => pattern.test(text)).map(({ parser }) => parser);
  if (matching.length === 0) return [];
  return new chrono.Chrono({ parsers: matching, refiners: [...refiners] }).parse(text, reference(), OPTION);
}
