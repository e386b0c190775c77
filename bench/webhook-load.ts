import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { DateTime } from 'luxon';
import twilio from 'twilio';

/**
 * The load generator, run in its own process so its signing and parsing do not share the
 * server's CPU time slices unfairly. Reads a plan from argv (JSON), prints one JSON result.
 *
 * Each virtual phone runs a conversation (a list of messages) one turn at a time; `rate`
 * mode is open-loop: a turn starts every 1/rate seconds on whichever phone is free.
 */
interface Plan {
  url: string;
  publicUrl: string;
  authToken: string;
  to: string;
  phones: number;
  /** Where this run's phones and times start, so two runs never ask for the same slot. */
  offset: number;
  mode: 'max' | 'rate';
  concurrency: number;
  rate: number;
  seconds: number;
  /**
   * Turns started in this first stretch are served but not timed (see the bench README); a
   * failure among them is still counted, so `failures` covers every turn served.
   */
  leadInSeconds: number;
}

const plan: Plan = JSON.parse(process.argv[2]);

/** A conversation per phone: greet, ask for a distinct slot, accept it, check the booking. */
const conversations = Array.from({ length: plan.phones }, (_, i) => {
  const n = plan.offset + i;
  const when = DateTime.fromISO('2031-01-06T00:00:00', { zone: 'UTC' }).plus({
    days: Math.floor(n / 40),
    minutes: (n % 40) * 30,
  });
  return {
    from: `+1555${String(1_000_000 + n).slice(1)}00`,
    messages: [
      'hi',
      `tune-up on ${when.toFormat('LLL d yyyy')} at ${when.toFormat('h:mma').toLowerCase()}`,
      'yes',
      'my appointments',
    ],
  };
});
const target = new URL(plan.url);
const agent = new Agent({ keepAlive: true, maxSockets: 512 });

const sign = (params: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(plan.authToken, plan.publicUrl, params);

function post(from: string, body: string): Promise<{ ms: number; ok: boolean }> {
  const form = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    From: from,
    To: plan.to,
    Body: body,
    NumMedia: '0',
  };
  const payload = new URLSearchParams(form).toString();
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(payload),
          'x-twilio-signature': sign(form),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({ ms: performance.now() - started, ok: res.statusCode === 200 && text.includes('<Message>') }),
        );
      },
    );
    req.on('error', () => resolve({ ms: performance.now() - started, ok: false }));
    req.end(payload);
  });
}

async function main(): Promise<void> {
  const latencies: number[] = [];
  let failures = 0;
  const cursor = conversations.map(() => 0);
  let next = 0; // next conversation to start
  const measuredFrom = performance.now() + plan.leadInSeconds * 1000;
  const deadline = measuredFrom + plan.seconds * 1000;

  const turn = async (i: number) => {
    const conversation = conversations[i];
    const measured = performance.now() >= measuredFrom;
    const { ms, ok } = await post(conversation.from, conversation.messages[cursor[i]]);
    if (measured) latencies.push(ms);
    if (!ok) failures++;
    cursor[i]++;
  };

  if (plan.mode === 'max') {
    await Promise.all(
      Array.from({ length: plan.concurrency }, async () => {
        while (performance.now() < deadline && next < conversations.length) {
          const i = next++;
          while (cursor[i] < conversations[i].messages.length && performance.now() < deadline) await turn(i);
        }
      }),
    );
  } else {
    // Open loop: phones wait for their own reply, but turns start on the clock.
    const ready: number[] = [];
    const inFlight: Promise<void>[] = [];
    const interval = 1000 / plan.rate;
    let due = performance.now();
    while (performance.now() < deadline) {
      if (ready.length === 0) {
        if (next >= conversations.length) break;
        ready.push(next++);
      }
      const i = ready.shift()!;
      inFlight.push(
        turn(i).then(() => {
          if (cursor[i] < conversations[i].messages.length) ready.push(i);
        }),
      );
      due += interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await Promise.all(inFlight);
  }
  const seconds = (performance.now() - measuredFrom) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const phones = cursor.filter((c) => c > 0).length;
  console.log(
    JSON.stringify({
      turns: latencies.length,
      failures,
      phones,
      seconds,
      turnsPerSecond: latencies.length / seconds,
      p50Ms: pct(50),
      p99Ms: pct(99),
      maxMs: latencies[latencies.length - 1],
    }),
  );
  agent.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
