import { createLocalEngine } from '../../dialogs/engine/local';
import { accuracy, type LineResult, readCorpus, report, runCorpus } from './corpus';

/**
 * Scores the local engine on the NLU corpus and fails when accuracy drops below what it reaches
 * today (minus a small margin), so a change that helps one phrase and breaks three shows up.
 * Raise the floors when the engine improves; never lower them to make a change pass.
 */

const FLOORS = { intent: 0.99, allFields: 0.99, intentPerLocale: 0.99 };

describe('NLU corpus (local engine)', () => {
  let results: LineResult[];

  beforeAll(async () => {
    results = await runCorpus(createLocalEngine(), readCorpus());
    console.log(`NLU corpus accuracy\n${report(results)}`);
  });

  it('has at least 100 messages per language', () => {
    const perLocale = (locale: string) => results.filter((r) => r.line.expect.locale === locale).length;
    expect(perLocale('en')).toBeGreaterThanOrEqual(100);
    expect(perLocale('es')).toBeGreaterThanOrEqual(100);
  });

  it('keeps intent accuracy overall and per language', () => {
    expect(accuracy(results, 'all', 'intent')).toBeGreaterThanOrEqual(FLOORS.intent);
    expect(accuracy(results, 'en', 'intent')).toBeGreaterThanOrEqual(FLOORS.intentPerLocale);
    expect(accuracy(results, 'es', 'intent')).toBeGreaterThanOrEqual(FLOORS.intentPerLocale);
  });

  it('gets every listed field of a message right', () => {
    expect(accuracy(results, 'all', 'all fields')).toBeGreaterThanOrEqual(FLOORS.allFields);
  });
});
