import { isPlainText } from '../../../test/helpers/hostile-webhooks';
import { type ChaosDeployment, SHOPS } from '../deployment';
import { type FaultReport, faultReport } from '../report';
import { duplicates, inboundForm, postSigned } from '../traffic';

const PHONES = 30;
const TEXTS = [
  'hours?\u0007',
  'oil change\u0004 tomorrow at 3pm',
  'Ana\u001b[31m',
  '\uD800prices\u0000',
  '\u007fhelp\u0085',
];

/**
 * Customers whose texts carry control characters, lone surrogates and NULs: each is answered
 * (never a 5xx, a reply every time), stored, and stored as plain text.
 */
export async function controlCharacters(d: ChaosDeployment): Promise<FaultReport> {
  const sids: string[] = [];
  const answers = await Promise.all(
    Array.from({ length: PHONES }, async (_, p) => {
      const replies = [];
      for (const text of TEXTS) {
        const form = inboundForm(`+4477009${String(10_000 + p)}`, SHOPS.small.number, text);
        sids.push(form.MessageSid);
        replies.push(await postSigned(d, form));
      }
      return replies;
    }),
  );
  const all = answers.flat();
  const stored = await d.query<{ sid: string; body: string }>(
    `SELECT provider_sid AS sid, body FROM message WHERE provider_sid = ANY($1)`,
    [sids],
  );
  const answered = all.filter((a) => a.status === 200 && a.text !== null).length;
  return faultReport('control-characters', {
    sent: all.length,
    answered,
    stored: stored.length,
    duplicates: duplicates(stored.map((s) => s.sid)),
    lost: {
      unanswered: all.length - answered,
      serverErrors: all.filter((a) => a.status >= 500 || a.status === 0).length,
      unstored: all.length - stored.length,
      notPlainText: stored.filter((s) => !isPlainText(s.body)).length,
    },
  });
}
