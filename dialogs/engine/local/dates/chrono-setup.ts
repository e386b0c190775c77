import * as chrono from 'chrono-node';
import type { Locale } from '../../../../core/locale';
import { APPROXIMATE_TAG } from './chrono-parsers';
import { EN_PARSERS } from './parsers-en';
import { ES_PARSERS } from './parsers-es';

/**
 * chrono-node for each language with our parsers in front (so they win ties with chrono's own)
 * and one refiner that drops readings nobody means in a booking text.
 */

/** "una hora" is an appointment in Chile, not "within an hour"; "en una hora" is read elsewhere. */
const BARE_DURATION = /^(?:una?|an?|\d+)\s+(?:horas?|hours?|minutos?|minutes?|dias?|days?|semanas?|weeks?)$/;

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

/** "tipo 10 y media", "around 3:30": a time said loosely, whichever parser read the time itself. */
const LOOSELY = /(?:around|(?<!how |what )about|arround|round|roughly|approx\.?|approximately|~|tipo|como|a eso de|alrededor de|cerca de|por ahi de)\s*(?:a\s+)?(?:las?\s+|at\s+)?$/;
const markApproximate: chrono.Refiner = {
  refine: (context, results) => {
    for (const result of results) {
      if (result.start.isCertain('hour') && LOOSELY.test(context.text.slice(Math.max(0, result.index - 24), result.index))) result.start.addTag(APPROXIMATE_TAG);
    }
    return results;
  },
};

function withOurs(base: chrono.Chrono, parsers: readonly chrono.Parser[]): chrono.Chrono {
  const configured = base.clone();
  configured.parsers.unshift(...parsers);
  configured.refiners.push(dropUnlikely, markApproximate);
  return configured;
}

const CHRONOS: Readonly<Record<Locale, chrono.Chrono>> = {
  en: withOurs(chrono.en.casual, EN_PARSERS),
  es: withOurs(chrono.es.casual, ES_PARSERS),
};

export function chronoFor(locale: Locale): chrono.Chrono {
  return CHRONOS[locale];
}
