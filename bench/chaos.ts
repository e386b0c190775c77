import { report } from './support';
import { ChaosDeployment } from './chaos/deployment';
import { controlCharacters } from './chaos/faults/control-characters';
import { doubleYes } from './chaos/faults/double-yes';
import { forwardedFor } from './chaos/faults/forwarded-for';
import { fuzz } from './chaos/faults/fuzz';
import { logs } from './chaos/faults/logs';
import { postgresDown } from './chaos/faults/postgres-down';
import { redisDown } from './chaos/faults/redis-down';
import { redisRestart } from './chaos/faults/redis-restart';
import { sharedMessageSid } from './chaos/faults/shared-message-sid';
import type { FaultReport } from './chaos/report';

/**
 * `npm run bench -- chaos`: the fault table of issue 15 against a running deployment (the app as
 * `npm start` runs it, on a Postgres and a Redis of its own, the fake Twilio, signed traffic, all
 * on loopback), one JSON line per fault. Every count under `lost` must be 0. BENCH_FAULTS picks
 * some (comma-separated names); the logs fault reads every line the others made the app log.
 */
const FAULTS: Record<string, (d: ChaosDeployment) => Promise<FaultReport>> = {
  'control-characters': controlCharacters,
  fuzz,
  'x-forwarded-for': forwardedFor,
  'double-yes': doubleYes,
  'redis-down': redisDown,
  'redis-restart-empty': redisRestart,
  'postgres-down': postgresDown,
  'shared-message-sid': sharedMessageSid,
  logs,
};

export async function run(): Promise<void> {
  const chosen = process.env.BENCH_FAULTS?.split(',') ?? Object.keys(FAULTS);
  const unknown = chosen.filter((name) => !FAULTS[name]);
  if (unknown.length)
    throw new Error(`unknown faults: ${unknown.join(', ')} (known: ${Object.keys(FAULTS).join(', ')})`);
  const started = performance.now();
  const d = await ChaosDeployment.start();
  let failed = 0;
  try {
    for (const name of chosen) {
      const t0 = performance.now();
      const line = await FAULTS[name](d);
      failed += Object.values(line.lost).some((n) => n !== 0) ? 1 : 0;
      report({ bench: 'chaos', ...line, seconds: Math.round((performance.now() - t0) / 100) / 10 });
    }
  } finally {
    await d.close();
  }
  report({
    bench: 'chaos',
    faults: chosen.length,
    withLosses: failed,
    seconds: Math.round((performance.now() - started) / 1000),
  });
  if (failed) process.exitCode = 1;
}
