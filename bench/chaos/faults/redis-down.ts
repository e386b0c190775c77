import type { ChaosDeployment } from '../deployment';
import { SHOPS } from '../deployment';
import { type FaultReport, faultReport, STORED_SIDS } from '../report';
import { inboundForm, postSigned } from '../traffic';

const SECONDS = Number(process.env.BENCH_REDIS_DOWN_SECONDS ?? 15);
const PHONES = 10;

/**
 * Redis away for a while under signed traffic: every message answered and stored (Redis holds
 * only the rate limiter's counts on the webhook's path), liveness never fails, and readiness
 * stays up (Redis down degrades, it does not take the instance out of rotation).
 */
export async function redisDown(d: ChaosDeployment): Promise<FaultReport> {
  await d.redis.stop();
  const until = Date.now() + SECONDS * 1000;
  const sids: string[] = [];
  const answers: { status: number; text: string | null }[] = [];
  const probes = { health: [] as number[], ready: [] as number[] };
  await Promise.all([
    ...Array.from({ length: PHONES }, async (_, p) => {
      while (Date.now() < until) {
        const form = inboundForm(`+4477006${String(10_000 + p)}`, SHOPS.small.number, 'what are your hours?');
        sids.push(form.MessageSid);
        answers.push(await postSigned(d, form));
        await new Promise((r) => setTimeout(r, 250));
      }
    }),
    (async () => {
      while (Date.now() < until) {
        for (const path of ['health', 'ready'] as const) {
          probes[path].push(
            await fetch(`${d.baseUrl}/${path}`).then(
              (r) => r.status,
              () => 0,
            ),
          );
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    })(),
  ]);
  await d.redis.start();
  const [{ n: stored }] = await d.query<{ n: number }>(STORED_SIDS, [sids]);
  const answered = answers.filter((a) => a.status === 200 && a.text !== null).length;
  return faultReport('redis-down', {
    seconds: SECONDS,
    sent: answers.length,
    answered,
    stored,
    health: count(probes.health),
    ready: count(probes.ready),
    lost: {
      unanswered: answers.length - answered,
      unstored: answers.length - stored,
      healthFailed: probes.health.filter((s) => s !== 200).length,
      readyFailed: probes.ready.filter((s) => s !== 200).length,
    },
  });
}

function count(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}
