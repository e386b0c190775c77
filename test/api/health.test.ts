import { request } from 'node:http';
import { PROBE_LIMIT } from '../../api/routes/health';
import { appWithOwnRedis } from '../helpers/app';

/**
 * /health is liveness (no I/O); /ready is whether to send traffic here: Postgres answers with every
 * migration applied; Redis away degrades it without failing it. Answers name a dependency, never
 * the driver's words. /ready answers from a check at most a second or two old, so a change is
 * awaited by asking again.
 */
const { app, redis } = appWithOwnRedis('2026-11-23T09:00:00-08:00');

const get = async (path: string) => {
  const response = await fetch(`${app().baseUrl}${path}`);
  return { status: response.status, body: await response.json() };
};

async function readyUntil(expected: { status: number; body: Record<string, string> }) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const seen = await get('/ready');
    if (JSON.stringify(seen) === JSON.stringify(expected) || Date.now() > deadline) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const READY = { status: 'ready', database: 'ok', migrations: 'current', redis: 'ok' };

it('is ready with the database migrated and Redis up', async () => {
  expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  expect(await get('/ready')).toEqual({ status: 200, body: READY });
});

it('has no /metrics without a METRICS_TOKEN', async () => {
  expect((await fetch(`${app().baseUrl}/metrics`)).status).toBe(404);
});

it('is not ready while a migration this code expects is not applied', async () => {
  const db = app().runtime.db;
  const [last] = await db.query('SELECT id, timestamp, name FROM schema_migrations ORDER BY id DESC LIMIT 1');
  await db.query('DELETE FROM schema_migrations WHERE id = $1', [last.id]);
  try {
    const expected = { status: 503, body: { ...READY, status: 'unavailable', migrations: 'pending' } };
    expect(await readyUntil(expected)).toEqual(expected);
  } finally {
    await db.query('INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
      last.id,
      last.timestamp,
      last.name,
    ]);
  }
  expect(await readyUntil({ status: 200, body: READY })).toEqual({ status: 200, body: READY });
});

it('names an unreachable database without its error message', async () => {
  await app().runtime.db.query('ALTER TABLE schema_migrations RENAME TO schema_migrations_away');
  try {
    const expected = {
      status: 503,
      body: { status: 'unavailable', database: 'unavailable', migrations: 'unknown', redis: 'ok' },
    };
    expect(await readyUntil(expected)).toEqual(expected);
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
  } finally {
    await app().runtime.db.query('ALTER TABLE schema_migrations_away RENAME TO schema_migrations');
  }
});

it('stays ready, degraded, while Redis is down, and alive throughout', async () => {
  await redis().stop();
  const expected = { status: 200, body: { ...READY, status: 'degraded', redis: 'unavailable' } };
  expect(await readyUntil(expected)).toEqual(expected);
  expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok' } });
});

it('answers one caller at most so often, and others still', async () => {
  const url = new URL(app().baseUrl);
  const statuses = await Promise.all(
    Array.from({ length: PROBE_LIMIT.max + 20 }, () => fetch(`${app().baseUrl}/health`).then((r) => r.status)),
  );
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(PROBE_LIMIT.max);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
  const limited = await fetch(`${app().baseUrl}/ready`);
  expect([limited.status, await limited.json()]).toEqual([
    429,
    { error: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Too many requests: try again in \d+ seconds?\.$/) },
  ]);
  // Another address on this machine is another caller.
  const other = await new Promise<number>((resolve, reject) => get127('127.0.0.2', url, resolve).on('error', reject));
  expect(other).toBe(200);
});

function get127(localAddress: string, url: URL, done: (status: number) => void) {
  return request({ host: url.hostname, port: url.port, path: '/health', localAddress }, (response) => {
    response.resume();
    done(response.statusCode ?? 0);
  }).end();
}
