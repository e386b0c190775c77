import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run nlu:duckling [-- --dir PATH]`: scores the local engine's dates and times on the peer
 * corpus from Duckling's tests, with the scorer that ships with it (`score.mjs`, which runs
 * `npm run nlu` over its rows). The corpus is Duckling's data and stays outside the repository:
 * it is looked for in `shared/nlu-eval` beside this project or beside any folder above it. Without
 * it there is nothing to score, and the command says so.
 */

const PROJECT = resolve(__dirname, '..', '..');

function corpusDir(given: string | undefined): string | null {
  if (given) return existsSync(join(given, 'score.mjs')) ? resolve(given) : null;
  for (let dir = dirname(PROJECT); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'nlu-eval');
    if (existsSync(join(candidate, 'score.mjs'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

interface FileScore {
  n: number;
  strictPct: number;
  lenientPct: number;
  answered: number;
}

function main(): void {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, out: { type: 'string' } } });
  const dir = corpusDir(values.dir);
  if (!dir) {
    console.log('nlu:duckling: no shared/nlu-eval corpus beside the project (or --dir PATH); nothing to score');
    return;
  }
  const args = [join(dir, 'score.mjs'), '--project', PROJECT, ...(values.out ? ['--out', resolve(values.out)] : [])];
  const run = spawnSync(process.execPath, args, { cwd: PROJECT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(run.status ?? 1);
  }
  const line = run.stdout.trim().split('\n').pop() ?? '{}';
  const report = JSON.parse(line) as { files: Record<string, FileScore>; error?: string };
  for (const [file, score] of Object.entries(report.files))
    console.log(
      `${file.padEnd(24)} ${String(score.n).padStart(4)} rows  strict ${score.strictPct.toFixed(1)}%  lenient ${score.lenientPct.toFixed(1)}%  answered ${score.answered}`,
    );
  if (report.error) console.error(`scorer: ${report.error}`);
  console.log(line);
}

main();
