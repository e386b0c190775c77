import type { ChaosDeployment } from '../deployment';
import { SHOPS } from '../deployment';
import { type FaultReport, faultReport } from '../report';
import { type Answer, duplicates, inboundForm, postSigned } from '../traffic';

const SECONDS = Number(process.env.BENCH_POSTGRES_DOWN_SECONDS ?? 20);
const PHONES = 20;
/** What the app answers while it keeps a message for later (dialogs/replies/en.ts, `held`). */
const HELD = "Got it, we'll reply in a moment.";
const SETTLE_MS = 120_000;

/**
 * Postgres stopped for a while under signed traffic, which goes on after it is back: every
 * message is answered at once (inline, or with the holding reply), stored once when Postgres is
 * back, in the order each customer sent it, and each held one answered once through the workers.
 */
export async function postgresDown(d: ChaosDeployment): Promise<FaultReport> {
  const sent = new Map<string, { sid: string; answer: Answer }[]>();
  let stopAt = Number.POSITIVE_INFINITY;
  const traffic = Array.from({ length: PHONES }, async (_, p) => {
    const phone = `+4477005${String(10_000 + p)}`;
    sent.set(phone, []);
    while (Date.now() < stopAt) {
      const form = inboundForm(phone, SHOPS.small.number, 'what are your hours?');
      sent.get(phone)!.push({ sid: form.MessageSid, answer: await postSigned(d, form) });
      await new Promise((r) => setTimeout(r, 250));
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
  const outboundTo = (phone: string) => d.fake.requests.filter((r) => r.form.To === phone);
  const settleBy = Date.now() + SETTLE_MS;
  while (Date.now() < settleBy && [...sent.keys()].some((phone) => outboundTo(phone).length < heldBy(phone)))
    await new Promise((r) => setTimeout(r, 500));
  await new Promise((r) => setTimeout(r, 2_000));

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
  const held = [...sent.keys()].reduce((n, phone) => n + heldBy(phone), 0);
  const heldAnswers = [...sent.keys()].reduce((n, phone) => n + outboundTo(phone).length, 0);
  const answeredAtOnce = all.filter((m) => m.answer.status === 200 && m.answer.text !== null).length;
  return faultReport('postgres-down', {
    seconds: SECONDS,
    sent: all.length,
    answered: answeredAtOnce,
    stored: stored.length,
    duplicates: duplicates(stored.map((row) => row.sid)) + Math.max(0, heldAnswers - held),
    held,
    heldAnswered: Math.min(heldAnswers, held),
    lost: {
      unanswered: all.length - answeredAtOnce,
      serverErrors: all.filter((m) => m.answer.status >= 500 || m.answer.status === 0).length,
      unstored: all.length - new Set(stored.map((row) => row.sid)).size,
      heldNeverAnswered: Math.max(0, held - heldAnswers),
      customersOutOfOrder: outOfOrder,
    },
  });
}
