import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_BUSINESS_FILES, seedBusinessFile } from '../booking/businesses/seed';
import { bundleEntry, bundleLambda } from '../infra/lambda-bundle';
import { signedForm } from './lambda-cold-start';
import { freePort } from '../test/helpers/redis';
import { freshDatabase, percentile, report, round } from './support';

/**
 * The Lambda handler's cold start: a fresh `node` loads the entry and answers one signed webhook
 * (API Gateway's event, the handler called as the runtime calls it), then warm invocations. The
 * deployed bundle (infra/lambda-bundle.ts) and, when `npm run build` has made it, the unbundled
 * `dist/api/lambda.js`; the ceiling, in the same run, is the one-box server (the API bundled the
 * same way) from spawn to its first answer over HTTP, then warm over HTTP.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARM = Number(process.env.BENCH_WARM ?? 200);
const TOKEN = 'bench-auth-token-0123456789';
const PUBLIC = 'https://bench.example';
const TO = '+15550100001';
const ROOT = join(__dirname, '..');
const execFileAsync = promisify(execFile);

interface ColdRun {
  nodeStartMs: number;
  importMs: number;
  firstAnswerMs: number;
  firstStatus: number;
  warm: number[];
}

export async function run(): Promise<void> {
  const database = await freshDatabase('bench_lambda', 4);
  for (const file of DEMO_BUSINESS_FILES) await seedBusinessFile(database.db, file, { production: false, env: {} });
  const out = mkdtempSync(join(tmpdir(), 'textbook-bench-lambda-'));
  try {
    const lambdaDir = bundleLambda('api', out).dir;
    const serverDir = bundleEntry('api/server.ts', join(out, 'server'));
    const harness = join(bundleEntry('bench/lambda-cold-start.ts', join(out, 'harness')), 'index.js');
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '2',
      REDIS_PREFIX: `bench-lambda-${randomBytes(3).toString('hex')}`,
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: TOKEN,
      PUBLIC_BASE_URL: PUBLIC,
      SESSION_SECRET: randomBytes(24).toString('hex'),
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
    };
    const dist = join(ROOT, 'dist/api/lambda.js');
    const targets: Record<string, string> = { bundle: join(lambdaDir, 'index.js') };
    if (existsSync(dist)) targets.dist = dist;
    const results: Record<string, ColdRun[]> = { server: [] };
    for (const name of Object.keys(targets)) results[name] = [];
    // Interleaved, so a slow minute of the machine hurts every target alike.
    for (let i = 0; i < RUNS; i++) {
      for (const [name, module] of Object.entries(targets)) {
        const plan = { module, publicUrl: PUBLIC, authToken: TOKEN, to: TO, warm: WARM };
        const { stdout } = await execFileAsync(process.execPath, [harness, JSON.stringify(plan)], { env });
        results[name].push(JSON.parse(stdout.trim().split('\n').pop()!));
      }
      results.server.push(await serverColdRun(join(serverDir, 'index.js'), env));
    }
    for (const [name, runs] of Object.entries(results)) {
      report({
        bench: 'lambda',
        target: name === 'server' ? 'one-box server (ceiling)' : name === 'bundle' ? 'bundle (deployed)' : 'dist (tsc)',
        runs: runs.length,
        bytes: name === 'server' ? undefined : statSync(targets[name]).size,
        nodeStartMs: stats(runs.map((r) => r.nodeStartMs)),
        importMs: name === 'server' ? undefined : stats(runs.map((r) => r.importMs)),
        firstAnswerMs: stats(runs.map((r) => r.firstAnswerMs)),
        firstStatuses: [...new Set(runs.map((r) => r.firstStatus))],
        warmMs: {
          p50: round(
            percentile(
              runs.flatMap((r) => r.warm),
              50,
            ),
            2,
          ),
          p99: round(
            percentile(
              runs.flatMap((r) => r.warm),
              99,
            ),
            2,
          ),
        },
      });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    await database.drop();
  }
}

function stats(values: number[]) {
  return { p50: round(percentile(values, 50)), min: round(Math.min(...values)), max: round(Math.max(...values)) };
}

/**
 * The server from spawn: asked until it answers (a refused connection is retried 5 ms later), so
 * the first answer comes as soon as it listens. `firstAnswerMs` counts from the spawn, as the
 * Lambda targets' count from their process's start.
 */
async function serverColdRun(entry: string, env: NodeJS.ProcessEnv): Promise<ColdRun> {
  const port = await freePort();
  const spawned = performance.now();
  const child = spawn(process.execPath, [entry], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  try {
    let first: Response | undefined;
    // Refused until it listens; asking again at once would take the CPU the server starts with.
    while (!first) {
      first = await postWebhook(port, 0).catch(() => undefined);
      if (!first) await new Promise((r) => setTimeout(r, 5));
    }
    const answered = performance.now();
    const warm: number[] = [];
    for (let i = 1; i <= WARM; i++) {
      const t0 = performance.now();
      const answer = await postWebhook(port, i);
      if (answer.status !== 200) throw new Error(`server answered ${answer.status}`);
      warm.push(performance.now() - t0);
    }
    return { nodeStartMs: 0, importMs: 0, firstAnswerMs: answered - spawned, firstStatus: first.status, warm };
  } finally {
    await stop(child);
  }
}

async function postWebhook(port: number, i: number): Promise<Response> {
  const { path, form, signature } = signedForm(
    { publicUrl: PUBLIC, authToken: TOKEN, to: TO },
    `+1555700${String(i).padStart(4, '0')}`,
    'what are your hours?',
  );
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(form).toString(),
  });
  await response.text();
  return response;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
