import type { ChaosDeployment } from '../deployment';
import { type FaultReport, faultReport } from '../report';

const REQUESTS = 20;
const SPOOFED = '203.0.113.77';

/**
 * Requests naming another client in X-Forwarded-For, straight to the app (no proxy in front,
 * TRUST_PROXY unset): the address the app logs and rate-limits by stays the peer's.
 */
export async function forwardedFor(d: ChaosDeployment): Promise<FaultReport> {
  const before = d.logLines.length;
  const statuses = await Promise.all(
    Array.from({ length: REQUESTS }, () =>
      fetch(`${d.baseUrl}/health`, { headers: { 'x-forwarded-for': SPOOFED } }).then(
        (r) => r.status,
        () => 0,
      ),
    ),
  );
  await new Promise((r) => setTimeout(r, 500));
  const lines = d.logLines.slice(before).filter((line) => line.includes('"remoteAddress"'));
  return faultReport('x-forwarded-for', {
    sent: REQUESTS,
    answered: statuses.filter((s) => s === 200).length,
    logged: lines.length,
    lost: { spoofedAddressBelieved: lines.filter((line) => line.includes(SPOOFED)).length },
  });
}
