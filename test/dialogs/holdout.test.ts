import { createLocalEngine } from '../../dialogs/engine/local';
import {
  accuracy,
  HOLDOUT_FILES,
  type LineResult,
  readCorpus,
  report,
  runCorpus,
  SECOND_HOLDOUT_FILES,
} from './corpus';

/**
 * Scores the local engine on the holdouts: 60 messages per language each, written before the
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
];

describe.each(HOLDOUTS)('NLU $name (local engine)', ({ name, files, floors }) => {
  let results: LineResult[];

  beforeAll(async () => {
    results = await runCorpus(createLocalEngine(), readCorpus(files));
    console.log(`NLU ${name} accuracy\n${report(results)}`);
  });

  it.each(['en', 'es'] as const)('keeps intent and whole-message accuracy in %s', (locale) => {
    expect(results.filter((r) => r.line.expect.locale === locale)).toHaveLength(60);
    expect(accuracy(results, locale, 'intent')).toBeGreaterThanOrEqual(floors[locale].intent);
    expect(accuracy(results, locale, 'all fields')).toBeGreaterThanOrEqual(floors[locale].allFields);
  });
});
