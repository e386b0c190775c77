import { Agent, request } from 'node:http';

/**
 * A GET load generator in its own process (so its work does not share the server's event loop):
 * reads a plan from argv (JSON), prints one JSON line of results. `rate` is open loop: a request
 * starts every 1/rate seconds whether or not the ones before have answered; `max` keeps
 * `concurrency` requests in flight. Requests in the first `leadInSeconds` are sent but not timed.
 */
interface Plan {
  urls: string[];
  headers: Record<string, string>;
  mode: 'max' | 'rate';
  rate: number;
  concurrency: number;
  seconds: number;
  leadInSeconds: number;
}

const plan: Plan = JSON.parse(process.argv[2]);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function get(url: string): Promise<{ ms: number; ok: boolean; bytes: number }> {
  const target = new URL(url);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        agent,
        headers: plan.headers,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ ms: performance.now() - started, ok: res.statusCode === 200, bytes }));
      },
    );
    req.on('error', () => resolve({ ms: performance.now() - started, ok: false, bytes: 0 }));
    req.end();
  });
}

async function main(): Promise<void> {
  const latencies: number[] = [];
  let failures = 0;
  let bytes = 0;
  let sent = 0;
  const measuredFrom = performance.now() + plan.leadInSeconds * 1000;
  const deadline = measuredFrom + plan.seconds * 1000;
  const one = async () => {
    const url = plan.urls[sent++ % plan.urls.length];
    const measured = performance.now() >= measuredFrom;
    const answer = await get(url);
    if (!answer.ok) failures++;
    if (measured) {
      latencies.push(answer.ms);
      bytes = answer.bytes;
    }
  };
  if (plan.mode === 'max') {
    await Promise.all(
      Array.from({ length: plan.concurrency }, async () => {
        while (performance.now() < deadline) await one();
      }),
    );
  } else {
    const inFlight: Promise<void>[] = [];
    let due = performance.now();
    while (performance.now() < deadline) {
      inFlight.push(one());
      due += 1000 / plan.rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await Promise.all(inFlight);
  }
  const seconds = (performance.now() - measuredFrom) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  console.log(
    JSON.stringify({
      requests: latencies.length,
      failures,
      perSecond: latencies.length / seconds,
      p50Ms: pct(50),
      p99Ms: pct(99),
      maxMs: latencies[latencies.length - 1],
      bytes,
    }),
  );
  agent.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
