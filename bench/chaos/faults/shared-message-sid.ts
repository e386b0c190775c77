import { type ChaosDeployment, SHOPS } from '../deployment';
import { type FaultReport, faultReport } from '../report';
import { inboundForm, messageSid, postSigned } from '../traffic';

const PAIRS = 50;

/**
 * The same MessageSid delivered to two businesses (a replay, a forgery signed with the shared
 * account's token): each business stores its own message and answers it itself, never with the
 * other's stored reply.
 */
export async function sharedMessageSid(d: ChaosDeployment): Promise<FaultReport> {
  const sids: string[] = [];
  const answers = await Promise.all(
    Array.from({ length: PAIRS }, async (_, p) => {
      const sid = messageSid();
      sids.push(sid);
      const phone = `+4477004${String(10_000 + p)}`;
      const big = await postSigned(d, inboundForm(phone, SHOPS.big.number, 'what are your hours?', sid));
      const small = await postSigned(d, inboundForm(phone, SHOPS.small.number, 'what are your hours?', sid));
      return { big, small };
    }),
  );
  const [{ n: stored }] = await d.query<{ n: number }>(
    `SELECT count(DISTINCT (provider_sid, business_id))::int AS n FROM message WHERE direction = 'inbound' AND provider_sid = ANY($1)`,
    [sids],
  );
  const all = answers.flatMap((a) => [a.big, a.small]);
  const answered = all.filter((a) => a.status === 200 && a.text !== null).length;
  return faultReport('shared-message-sid', {
    sent: all.length,
    answered,
    stored,
    lost: {
      unanswered: all.length - answered,
      unstored: all.length - stored,
      answeredByTheOtherBusiness: answers.filter(
        (a) => !a.big.text?.includes(SHOPS.big.name) || !a.small.text?.includes(SHOPS.small.name),
      ).length,
    },
  });
}
