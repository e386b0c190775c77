import { createLocalEngine } from '../../dialogs/engine/local';
import {
  accuracy,
  HOLDOUT_FILES,
  type LineResult,
  readCorpus,
  report,
  runCorpus,
  SECOND_HOLDOUT_FILES,
  THIRD_HOLDOUT_FILES,
} from './corpus';

/**
 * Scores the local engine on the holdouts: 60 to 112 messages per language each, written before the
 * engine ran on them. They estimate how the engine does on messages nobody fitted it to; the
 * corpus (corpus.test.ts) is where fixes get their cases. Each set's first run is its honest
 * estimate: once its misses have guided fixes, later scores flatter the engine. Floors sit a few
 * points under the current score; raise them when the engine improves.
 */

const HOLDOUTS = [
  {
    name: 'first holdout',
    files: HOLDOUT_FILES,
    // First honest run: en intent 83.3%, all fields 73.3%; es intent 88.3%, all fields 76.7%
    // (75.0% and 78.3% once two impossible codes, ZX4P and K9PD, became real ones: HX4P, K9PT).
    // After the fixes that run prompted: en 98.3% / 95.0%, es 98.3% / 98.3%.
    floors: { en: { intent: 0.95, allFields: 0.9 }, es: { intent: 0.95, allFields: 0.93 } },
  },
  {
    name: 'second holdout',
    files: SECOND_HOLDOUT_FILES,
    // Written by someone who had read only the product's definitions, the demo businesses and the
    // first holdout's format, never the engine or the corpus. First run, as written (2026-11-29):
    // en intent 90.0%, all fields 83.3%; es intent 86.7%, all fields 83.3%. Four references used
    // letters our codes never contain (D, B, Q, Z: the alphabet leaves out look-alikes); with
    // valid codes in their place (R7KM, T9RC, X4PW, H6KX) all fields 86.7% in both. The misses
    // then led to general fixes (tues/weds, "now", "the middle one", "actually no", quedé/quedó,
    // ballpark, …), each with its own corpus lines; it now scores 100%.
    floors: { en: { intent: 0.95, allFields: 0.93 }, es: { intent: 0.95, allFields: 0.93 } },
  },
  {
    name: 'third holdout',
    files: THIRD_HOLDOUT_FILES,
    size: { en: 112, es: 106 },
    // Written for issue 14 (moves and cancels worded as bookings, "move X from A to B", service
    // questions, loose clock times, generic staff words, intake answers that do not fit,
    // addresses with a city or no suffix, long messages), committed before the engine ran on it.
    // First run, as written: en intent 78.0%, all fields 54.5%; es intent 86.7%, all fields
    // 68.9% (start 70.6% / 71.4%, es staff 66.7%, en intake 57.1%). After the general fixes its
    // misses led to (each with lines of its own in the corpus): en 100% / 99.1%, es 100% / 100%.
    floors: { en: { intent: 0.97, allFields: 0.95 }, es: { intent: 0.97, allFields: 0.95 } },
  },
];

describe.each(HOLDOUTS)('NLU $name (local engine)', ({ name, files, floors, size }) => {
  let results: LineResult[];

  beforeAll(async () => {
    results = await runCorpus(createLocalEngine(), readCorpus(files));
    console.log(`NLU ${name} accuracy\n${report(results)}`);
  });

  it.each(['en', 'es'] as const)('keeps intent and whole-message accuracy in %s', (locale) => {
    expect(results.filter((r) => r.line.expect.locale === locale)).toHaveLength(size?.[locale] ?? 60);
    expect(accuracy(results, locale, 'intent')).toBeGreaterThanOrEqual(floors[locale].intent);
    expect(accuracy(results, locale, 'all fields')).toBeGreaterThanOrEqual(floors[locale].allFields);
  });
});
