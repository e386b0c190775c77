import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Locale } from '../../core/locale';
import type { IntentName } from '../../dialogs/definition/intent-names';
import type { DialogEngine, Expectation, Intake, Understanding } from '../../dialogs/engine/types';
import { demoContext } from './demo-context';

/**
 * The NLU corpus (test/fixtures/nlu/*.jsonl) and its scoring. Each line is one customer message
 * with the context the bot would give, and the fields a person expects; only those are checked.
 */

export interface CorpusLine {
  business: 'edgar' | 'clinica-santiago';
  now: string;
  expecting: Expectation | null;
  activeIntent?: IntentName | null;
  offeredCount?: number;
  customerLocale?: Locale | null;
  text: string;
  expect: Partial<{
    intent: IntentName;
    service: string | null;
    staff: string | null;
    start: string | null;
    end: string | null;
    grain: string | null;
    locale: Locale;
    choice: number | null;
    answer: 'yes' | 'no' | null;
    reference: string | null;
    /** null: the field must stay empty ("soy nueva" is no name). */
    intake: { [K in keyof Intake]: Intake[K] | null };
  }>;
}

export type Field = keyof CorpusLine['expect'];

export const CORPUS_FILES = ['corpus.en.jsonl', 'corpus.es.jsonl'];
/** Messages written before the engine ever ran on them; scored, never tuned against. */
export const HOLDOUT_FILES = ['holdout.en.jsonl', 'holdout.es.jsonl'];
/** A second holdout, written blind by someone who never read the engine or the corpus. */
export const SECOND_HOLDOUT_FILES = ['holdout-2.en.jsonl', 'holdout-2.es.jsonl'];
/** A third, written for issue 14 before the engine ran on it: the failure kinds it names. */
export const THIRD_HOLDOUT_FILES = ['holdout-3.en.jsonl', 'holdout-3.es.jsonl'];

export function readCorpus(files: string[] = CORPUS_FILES): CorpusLine[] {
  return files.flatMap((name) =>
    readFileSync(join(__dirname, '..', 'fixtures', 'nlu', name), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as CorpusLine),
  );
}

/** Same instant and same UTC offset: an offset off by an hour is the DST bug we test for. */
function sameTime(expected: string | null, actual: string | null | undefined): boolean {
  if (expected === null || actual === null || actual === undefined) return expected === (actual ?? null);
  const [a, b] = [DateTime.fromISO(expected, { setZone: true }), DateTime.fromISO(actual, { setZone: true })];
  return a.isValid && b.isValid && a.toMillis() === b.toMillis() && a.offset === b.offset;
}

function actualOf(field: Field, u: Understanding): unknown {
  switch (field) {
    case 'service':
      return u.serviceKey;
    case 'staff':
      return u.staffKey;
    case 'start':
      return u.when?.start ?? null;
    case 'end':
      return u.when?.end ?? null;
    case 'grain':
      return u.when?.grain ?? null;
    default:
      return u[field];
  }
}

export function fieldMatches(field: Field, expected: unknown, u: Understanding): boolean {
  const actual = actualOf(field, u);
  if (field === 'start' || field === 'end') return sameTime(expected as string | null, actual as string | null);
  if (field === 'intake')
    return Object.entries(expected as Intake).every(([k, v]) => (u.intake[k as keyof Intake] ?? null) === v);
  return actual === expected;
}

export interface LineResult {
  line: CorpusLine;
  understanding: Understanding;
  wrong: Field[];
}

export async function runCorpus(engine: DialogEngine, lines: CorpusLine[]): Promise<LineResult[]> {
  const results: LineResult[] = [];
  for (const line of lines) {
    const context = await demoContext(line.business, new Date(line.now), {
      expecting: line.expecting,
      activeIntent: line.activeIntent ?? null,
      offeredCount: line.offeredCount,
      customerLocale: line.customerLocale ?? null,
    });
    const understanding = await engine.understand(line.text, context);
    const wrong = (Object.keys(line.expect) as Field[]).filter((f) => !fieldMatches(f, line.expect[f], understanding));
    results.push({ line, understanding, wrong });
  }
  return results;
}

export interface Score {
  right: number;
  total: number;
}

export const ratio = (s: Score): number => (s.total === 0 ? 1 : s.right / s.total);

/** Per locale: accuracy of each field, and of whole lines (every listed field right). */
export function scoreByLocale(results: LineResult[]): Map<string, Map<Field | 'all fields', Score>> {
  const table = new Map<string, Map<Field | 'all fields', Score>>();
  for (const { line, wrong } of results) {
    for (const locale of [line.expect.locale ?? '?', 'all']) {
      const row = table.get(locale) ?? new Map<Field | 'all fields', Score>();
      table.set(locale, row);
      const add = (key: Field | 'all fields', ok: boolean) => {
        const s = row.get(key) ?? { right: 0, total: 0 };
        row.set(key, { right: s.right + (ok ? 1 : 0), total: s.total + 1 });
      };
      for (const field of Object.keys(line.expect) as Field[]) add(field, !wrong.includes(field));
      add('all fields', wrong.length === 0);
    }
  }
  return table;
}

/** Accuracy of one field (or of whole lines) in one locale ('all' for both); 0 when absent. */
export function accuracy(results: LineResult[], locale: string, field: Field | 'all fields'): number {
  return ratio(scoreByLocale(results).get(locale)?.get(field) ?? { right: 0, total: 1 });
}

function percent(score: Score | undefined): string {
  return score ? `${(ratio(score) * 100).toFixed(1)}% (${score.right}/${score.total})` : '-';
}

/** The per-locale, per-field table the corpus tests print, then every missed line and its fields. */
export function report(results: LineResult[]): string {
  const table = scoreByLocale(results);
  const fields = [...new Set([...table.values()].flatMap((row) => [...row.keys()]))].sort((a, b) =>
    a === 'all fields' ? 1 : b === 'all fields' ? -1 : a.localeCompare(b),
  );
  const lines = [`${'field'.padEnd(12)}${[...table.keys()].map((l) => l.padEnd(20)).join('')}`];
  for (const field of fields)
    lines.push(`${field.padEnd(12)}${[...table.values()].map((row) => percent(row.get(field)).padEnd(20)).join('')}`);
  const misses = results
    .filter((r) => r.wrong.length > 0)
    .map((r) => `  ✗ ${JSON.stringify(r.line.text)}: ${r.wrong.join(', ')}`);
  return [...lines, ...(misses.length ? ['misses:', ...misses] : [])].join('\n');
}
