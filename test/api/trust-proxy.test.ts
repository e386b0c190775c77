import { PROBE_LIMIT } from '../../api/routes/health';
import { startTestApp, type TestApp } from '../helpers/app';

/**
 * Whose address a request is counted under (rate limits, logs): X-Forwarded-For is believed only
 * from a proxy TRUST_PROXY names. Seen through the probes' limit per caller.
 */
const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((t) => t.close())));

async function flood(env: Record<string, string>, forwardedFor: (i: number) => string): Promise<number> {
  const t = await startTestApp({ now: '2026-11-23T09:00:00-08:00', env });
  apps.push(t);
  const statuses = await Promise.all(
    Array.from({ length: PROBE_LIMIT.max + 20 }, (_, i) =>
      fetch(`${t.baseUrl}/health`, { headers: { 'x-forwarded-for': forwardedFor(i) } }).then((r) => r.status),
    ),
  );
  return statuses.filter((s) => s === 429).length;
}

const manyClients = (i: number) => `203.0.113.${i % 250}, 198.51.100.${Math.floor(i / 250)}`;

it('counts everyone as the peer when no proxy is trusted, whatever X-Forwarded-For says', async () => {
  expect(await flood({}, manyClients)).toBeGreaterThanOrEqual(20);
});

it('counts each client a trusted proxy names on its own, by address or hop count', async () => {
  const throughOneProxy = (i: number) => `198.51.100.7, 203.0.113.${i % 250}`;
  expect(await flood({ TRUST_PROXY: '127.0.0.1' }, throughOneProxy)).toBe(0);
  expect(await flood({ TRUST_PROXY: '1' }, throughOneProxy)).toBe(0);
  // A proxy that is not the peer is not believed: the client is the peer again.
  expect(await flood({ TRUST_PROXY: '10.0.0.0/8' }, manyClients)).toBeGreaterThanOrEqual(20);
});
