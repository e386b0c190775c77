import type { Catalog } from '../../booking/repositories/catalog';
import { ownersWhatsappInbound } from '../../booking/repositories/notices';
import { render } from '../../dialogs/replies/render';
import type { WorkerContext } from '../context';
import { type Draft, enqueueMessage } from './outbound';
import { ownerEndpoint, routeToOwner, type RouteText } from './recipients';

/**
 * One message to each of the business's owner phones, each under its own WhatsApp window (an
 * owner who has not written for a day gets the template, or nothing). Returns how many were
 * composed: 0 when the business has no number to send from.
 */
export async function enqueueForOwners(
  ctx: Pick<WorkerContext, 'sql' | 'queues' | 'clock' | 'transport'>,
  catalog: Catalog,
  message: { text: RouteText; key: string; purpose: Draft['purpose']; appointmentId: string | null },
): Promise<number> {
  const { business } = catalog;
  const endpoint = ownerEndpoint(catalog);
  if (!endpoint) return 0;
  // Only WhatsApp has a window to look up.
  const inbound =
    endpoint.channel === 'whatsapp'
      ? await ownersWhatsappInbound(ctx.sql, business.id, business.ownerPhones)
      : new Map<string, Date>();
  let composed = 0;
  for (const phone of business.ownerPhones) {
    const route = routeToOwner(catalog, endpoint, phone, inbound.get(phone) ?? null, message.text, ctx.clock.now());
    await enqueueMessage(ctx, {
      key: `${message.key}/${phone}`,
      businessId: business.id,
      customerId: null,
      appointmentId: message.appointmentId,
      purpose: message.purpose,
      body: render(message.text.id, message.text.locale, message.text.vars, route.channel),
      ...route,
    });
    composed += 1;
  }
  return composed;
}
