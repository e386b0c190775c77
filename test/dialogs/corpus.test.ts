import { createLocalEngine } from '../../dialogs/engine/local';
import { type Field, type LineResult, ratio, readCorpus, runCorpus, type Score, scoreByLocale } from './corpus';

/**
 * Scores the local engine on the NLU corpus and fails when accuracy drops below what it reaches
 * today (minus a small margin), so a change that helps one phrase and breaks three shows up.
 * Raise the floors when the engine improves; never lower them to make a change pass.
 */

const FLOORS = { intent: 0.99, allFields: 0.98, intentPerLocale: 0.98 };

function percent(score: Score | undefined): string {
  return score ? `${(ratio(score) * 100).toFixed(1)}% (${score.right}/${score.total})` : '-';
}

function report(results: LineResult[]): string {
  const table = scoreByLocale(results);
  const fields = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))].sort((a, b) => (a === 'all fields' ? 1 : b === 'all fields' ? -1 : a.localeCompare(b)));
  const lines = [`${'field'.padEnd(12)}${[...table.keys()].map((l) => l.padEnd(20)).join('')}`];
  for (const field of fields) lines.push(`${field.padEnd(12)}${[...table.values()].map((row) => percent(row.get(field)).padEnd(20)).join('')}`);
  const misses = results.filter((r) => r.wrong.length > 0).map((r) => `  ✗ ${JSON.stringify(r.line.text)}: ${r.wrong.join(', ')}`);
  return [...lines, ...(misses.length ? ['misses:', ...misses] : [])].join('\n');
}

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
    const table = scoreByLocale(results);
    const intent = (locale: string) => ratio(table.get(locale)?.get('intent' as Field) ?? { right: 0, total: 1 });
    expect(intent('all')).toBeGreaterThanOrEqual(FLOORS.intent);
    expect(intent('en')).toBeGreaterThanOrEqual(FLOORS.intentPerLocale);
    expect(intent('es')).toBeGreaterThanOrEqual(FLOORS.intentPerLocale);
  });

  it('gets every listed field of a message right', () => {
    const all = scoreByLocale(results).get('all')?.get('all fields') ?? { right: 0, total: 1 };
    expect(ratio(all)).toBeGreaterThanOrEqual(FLOORS.allFields);
  });
});
