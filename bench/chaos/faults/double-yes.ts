import { type ChaosDeployment, SHOPS } from '../deployment';
import { type FaultReport, faultReport } from '../report';
import { inboundForm, postSigned } from '../traffic';

const CUSTOMERS = 20;
const HOUR = 3_600_000;

/** "December 4 at 3pm", in the business's zone (UTC). */
function spoken(instant: number): string {
  const at = new Date(instant);
  const day = at.toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const hour = at.getUTCHours();
  return `${day} at ${hour % 12 || 12}${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * Customers who tap YES twice at once: each gets one visit, and "Booked: …" in answer to both
 * taps, never "that time was just taken".
 */
export async function doubleYes(d: ChaosDeployment): Promise<FaultReport> {
  const firstHour = Math.ceil((Date.now() + 2 * HOUR) / HOUR) * HOUR;
  const phones = Array.from({ length: CUSTOMERS }, (_, i) => `+4477007${String(10_000 + i)}`);
  const replies = await Promise.all(
    phones.map(async (phone, i) => {
      // Each customer asks for an hour of their own: a taken slot is then only ever their own.
      const offer = await postSigned(
        d,
        inboundForm(phone, SHOPS.big.number, `oil change ${spoken(firstHour + i * HOUR)}`),
      );
      const taps = await Promise.all([
        postSigned(d, inboundForm(phone, SHOPS.big.number, 'YES')),
        postSigned(d, inboundForm(phone, SHOPS.big.number, 'yes')),
      ]);
      return { offer, taps };
    }),
  );
  const visits = await d.query<{ phone: string; n: number }>(
    `SELECT c.phone, count(a.id)::int AS n FROM customer c LEFT JOIN appointment a ON a.customer_id = c.id AND a.status <> 'cancelled'
      WHERE c.phone = ANY($1) GROUP BY c.phone`,
    [phones],
  );
  const taps = replies.flatMap((r) => r.taps);
  const booked = taps.filter((t) => t.text?.startsWith('Booked:')).length;
  return faultReport('double-yes', {
    sent: replies.length * 3,
    answered: replies.filter((r) => r.offer.text).length + taps.filter((t) => t.text).length,
    stored: visits.reduce((sum, v) => sum + v.n, 0),
    offered: replies.filter((r) => r.offer.text?.includes('Reply YES')).length,
    duplicates: visits.reduce((sum, v) => sum + Math.max(0, v.n - 1), 0),
    lost: {
      notBookedTwice: taps.length - booked,
      justTaken: taps.filter((t) => t.text?.includes('just taken')).length,
      customersWithoutVisit: phones.length - visits.filter((v) => v.n > 0).length,
    },
  });
}
