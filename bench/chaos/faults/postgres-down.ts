import type { ChaosDeployment } from '../deployment';
import { SHOPS } from '../deployment';
import { type FaultReport, faultReport } from '../report';
import { type Answer, duplicates, inboundForm, postSigned } from '../traffic';

const SECONDS = Number(process.env.BENCH_POSTGRES_DOWN_SECONDS ?? 20);
// Each texting every 2 s: fewer than the 30 a phone may send in 10 minutes (the rate limit).
const PHONES = 50;
/** What the app answers while it keeps a message for later (dialogs/replies/en.ts, `held`). */
const HELD = "Got it, we'll reply in a moment.";
const SETTLE_MS = 120_000;

/**
 * Postgres stopped for a while under signed traffic, which goes on after it is back: every
 * message is answered at once (inline, or with the holding reply), stored once when Postgres is
 * back, in the order each customer sent it, and each held one answered once through the outbound
 * queue. The queue sends from the business's number at a long code's pace, so the answers are
 * counted as the replies written to the outbox for each customer, and those sent so far beside.
 */
export async function postgresDown(d: ChaosDeployment): Promise<FaultReport> {
  const sent = new Map<string, { sid: string; answer: Answer }[]>();
  let stopAt = Number.POSITIVE_INFINITY;
  const traffic = Array.from({ length: PHONES }, async (_, p) => {
    const phone = `+4477003${String(10_000 + p)}`;
    sent.set(phone, []);
    while (Date.now() < stopAt) {
      const form = inboundForm(phone, SHOPS.small.number, 'what are your hours?');
      sent.get(phone)!.push({ sid: form.MessageSid, answer: await postSigned(d, form) });
      await new Promise((r) => setTimeout(r, 2_000));
    }
  });
  await new Promise((r) => setTimeout(r, 2_000));
  await d.pg.stop();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  await d.pg.start();
  await new Promise((r) => setTimeout(r, 5_000));
  stopAt = Date.now();
  await Promise.all(traffic);

  const all = [...sent.values()].flat();
  const heldBy = (phone: string) => sent.get(phone)!.filter((m) => m.answer.text === HELD).length;
  const repliesQueued = async () =>
    new Map(
      (
        await d.query<{ phone: string; n: number }>(
          `SELECT c.phone, count(*)::int AS n FROM outbox o JOIN customer c ON c.id = (o.payload #>> '{recipient,customerId}')::uuid
            WHERE o.topic = 'message.send' AND o.payload ->> 'origin' = 'conversation' AND c.phone = ANY($1) GROUP BY c.phone`,
          [[...sent.keys()]],
        )
      ).map((row) => [row.phone, row.n]),
    );
  const settleBy = Date.now() + SETTLE_MS;
  let replies = await repliesQueued();
  while (Date.now() < settleBy && [...sent.keys()].some((phone) => (replies.get(phone) ?? 0) < heldBy(phone))) {
    await new Promise((r) => setTimeout(r, 500));
    replies = await repliesQueued();
  }
  await new Promise((r) => setTimeout(r, 2_000));
  replies = await repliesQueued();

  const stored = await d.query<{ sid: string; from: string }>(
    `SELECT provider_sid AS sid, from_address AS "from" FROM message
      WHERE direction = 'inbound' AND provider_sid = ANY($1) ORDER BY created_at`,
    [all.map((m) => m.sid)],
  );
  const outOfOrder = [...sent].filter(
    ([phone, messages]) =>
      stored
        .filter((row) => row.from === phone)
        .map((row) => row.sid)
        .join() !== messages.map((m) => m.sid).join(),
  ).length;
  const phones = [...sent.keys()];
  const held = phones.reduce((n, phone) => n + heldBy(phone), 0);
  const extraReplies = phones.reduce((n, phone) => n + Math.max(0, (replies.get(phone) ?? 0) - heldBy(phone)), 0);
  const missingReplies = phones.reduce((n, phone) => n + Math.max(0, heldBy(phone) - (replies.get(phone) ?? 0)), 0);
  const answeredAtOnce = all.filter((m) => m.answer.status === 200 && m.answer.text !== null).length;
  return faultReport('postgres-down', {
    seconds: SECONDS,
    sent: all.length,
    answered: answeredAtOnce,
    stored: stored.length,
    duplicates: duplicates(stored.map((row) => row.sid)) + extraReplies,
    held,
    heldReplied: held - missingReplies,
    heldRepliesSentSoFar: d.fake.requests.filter((r) => sent.has(r.form.To)).length,
    lost: {
      unanswered: all.length - answeredAtOnce,
      serverErrors: all.filter((m) => m.answer.status >= 500 || m.answer.status === 0).length,
      unstored: all.length - new Set(stored.map((row) => row.sid)).size,
      heldNeverReplied: missingReplies,
      customersOutOfOrder: outOfOrder,
    },
  });
}
