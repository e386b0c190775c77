import fc from 'fast-check';
import { hostileRequest, isPlainText } from '../../../test/helpers/hostile-webhooks';
import { AUTH_TOKEN, type ChaosDeployment, PUBLIC_BASE_URL, SHOPS } from '../deployment';
import { type FaultReport, faultReport } from '../report';
import { INBOUND_PATH } from '../traffic';

const REQUESTS = Number(process.env.BENCH_FUZZ_REQUESTS ?? 2000);
const CONCURRENCY = 16;

/**
 * Malformed but signed webhooks (and some unsigned or not forms at all), as the property test
 * makes them: none may get a 5xx, and whatever was stored of them is plain text.
 */
export async function fuzz(d: ChaosDeployment): Promise<FaultReport> {
  const requests = fc.sample(
    hostileRequest({
      signedUrl: `${PUBLIC_BASE_URL}${INBOUND_PATH}`,
      authToken: AUTH_TOKEN,
      sms: SHOPS.small.number,
      whatsapp: SHOPS.big.number,
      phonePrefix: '+4477008',
    }),
    { numRuns: REQUESTS, seed: 15 },
  );
  const before = new Date();
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const { headers, body } = requests[next++];
        const status = await fetch(`${d.baseUrl}${INBOUND_PATH}`, { method: 'POST', headers, body }).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
          () => 0,
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const stored = await d.query<{ body: string }>(
    `SELECT body FROM message WHERE direction = 'inbound' AND created_at >= $1`,
    [before],
  );
  const count = (test: (status: number) => boolean) =>
    [...statuses].filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0);
  return faultReport('fuzz', {
    sent: requests.length,
    answered: count((s) => s === 200),
    stored: stored.length,
    statuses: Object.fromEntries(statuses),
    lost: {
      serverErrors: count((s) => s >= 500 || s === 0),
      notPlainText: stored.filter((s) => !isPlainText(s.body)).length,
    },
  });
}
