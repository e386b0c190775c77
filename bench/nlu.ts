import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { createLocalEngine } from '../dialogs/engine/local';
import { CORPUS_FILES, HOLDOUT_FILES, readCorpus } from '../test/dialogs/corpus';
import { demoContext } from '../test/dialogs/demo-context';
import { percentile, report, round } from './support';

/**
 * Messages per second of the whole local engine (intent, service, staff, dates, intake) over the
 * project's own corpus, next to chrono-node alone parsing the same texts with the same reference
 * time and options, in the same run: chrono is the floor of any engine built on it, so the ratio is what our
 * rules cost on top of it. Single-threaded and CPU-bound: the machine's noise moves both alike.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

export async function run(): Promise<void> {
  const lines = readCorpus([...CORPUS_FILES, ...HOLDOUT_FILES]);
  const contexts = await Promise.all(
    lines.map((l) => demoContext(l.business, new Date(l.now), { expecting: l.expecting })),
  );
  const engine = createLocalEngine();
  const parsers = { en: chrono.en.casual, es: chrono.es.casual };

  // chrono as the engine calls it: the business's UTC offset at that moment, dates forward.
  const references = contexts.map((c) => ({
    instant: c.now,
    timezone: DateTime.fromJSDate(c.now, { zone: c.timezone }).offset,
  }));
  const local = await measure(lines.length, (i) => engine.understand(lines[i].text, contexts[i]));
  const chronoAlone = await measure(lines.length, (i) => {
    const parser = (contexts[i].customerLocale ?? contexts[i].defaultLocale) === 'es' ? parsers.es : parsers.en;
    parser.parse(lines[i].text, references[i], { forwardDate: true });
  });
  report({
    bench: 'nlu',
    measure: 'local engine, messages/s',
    messages: lines.length,
    perSecond: Math.round(local.perSecond),
    p50Us: local.p50Us,
    p99Us: local.p99Us,
    ceiling: 'chrono-node alone, same texts',
    ceilingPerSecond: Math.round(chronoAlone.perSecond),
    ceilingP50Us: chronoAlone.p50Us,
    ratio: round(local.perSecond / chronoAlone.perSecond, 3),
  });
}

/** Runs `op` over every message in turn, after one unmeasured pass that warms the JIT and caches. */
async function measure(
  count: number,
  op: (i: number) => unknown,
): Promise<{ perSecond: number; p50Us: number; p99Us: number }> {
  for (let i = 0; i < count; i++) await op(i);
  const latenciesUs: number[] = [];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await op(i);
      latenciesUs.push((performance.now() - t0) * 1000);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: latenciesUs.length / seconds,
    p50Us: round(percentile(latenciesUs, 50)),
    p99Us: round(percentile(latenciesUs, 99)),
  };
}
