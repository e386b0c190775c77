import { createLocalEngine } from '../../dialogs/engine/local';
import { accuracy, type LineResult, readCorpus, report, runCorpus, SECOND_HOLDOUT_FILES } from './corpus';

/**
 * The second holdout: 60 messages per language written by someone who had read only the product's
 * definitions, the demo businesses and the first holdout's format, never the engine or the
 * corpus, and scored here as written. See holdout.test.ts for why a holdout is kept apart.
 */

// First run, as written (2026-11-29): en intent 90.0%, all fields 83.3%; es intent 86.7%, all
// fields 83.3%. Four references used letters our codes never contain (D, B, Q, Z: the alphabet
// leaves out look-alikes), so no reply could have carried them; with valid codes in their place
// (R7KM, T9RC, X4PW, H6KX) whole-message accuracy is 86.7% in both. The misses then led to
// general fixes (tues/weds, "now", "the middle one", "actually no", quedé/quedó, ballpark, …),
// each with its own corpus lines; the set now scores 100%, which flatters the engine: the first
// run is the honest estimate. Floors sit a few points under the current score.
const FLOORS = {
  en: { intent: 0.95, allFields: 0.93 },
  es: { intent: 0.95, allFields: 0.93 },
};

describe('NLU second holdout (local engine)', () => {
  let results: LineResult[];

  beforeAll(async () => {
    results = await runCorpus(createLocalEngine(), readCorpus(SECOND_HOLDOUT_FILES));
    console.log(`NLU second holdout accuracy\n${report(results)}`);
  });

  it.each(['en', 'es'] as const)('keeps intent and whole-message accuracy in %s', (locale) => {
    expect(results.filter((r) => r.line.expect.locale === locale)).toHaveLength(60);
    expect(accuracy(results, locale, 'intent')).toBeGreaterThanOrEqual(FLOORS[locale].intent);
    expect(accuracy(results, locale, 'all fields')).toBeGreaterThanOrEqual(FLOORS[locale].allFields);
  });
});
