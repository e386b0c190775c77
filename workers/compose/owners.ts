import type { Catalog } from '../../booking/repositories/catalog';
import { phoneRecipient } from '../../booking/repositories/recipients';
import { render } from '../../dialogs/replies/render';
import type { WorkerContext } from '../context';
import { type Draft, enqueueMessage } from './outbound';
import { type RouteText, routeToOwner } from './recipients';

const NEVER_WROTE = { lastChannel: null, whatsappInboundAt: null };

/**
 * One message to each of the business's owner phones, each by its own route (recipients.ts:
 * `routeToOwner`). Returns how many were composed: 0 when the business has no number to send from.
 */
export async function enqueueForOwners(
  ctx: Pick<WorkerContext, 'sql' | 'queues' | 'clock' | 'transport'>,
  catalog: Catalog,
  message: { text: RouteText; key: string; purpose: Draft['purpose']; appointmentId: string | null },
): Promise<number> {
  const { business } = catalog;
  if (catalog.endpoints.length === 0) return 0;
  // Without WhatsApp every owner is reached by SMS: nothing to look up.
  const whatsapp = catalog.endpoints.some((e) => e.channel === 'whatsapp');
  let composed = 0;
  for (const phone of business.ownerPhones) {
    const contact = whatsapp ? await phoneRecipient(ctx.sql, business.id, phone) : NEVER_WROTE;
    const route = routeToOwner(catalog, phone, contact, message.text, ctx.clock.now());
    if (!route) continue;
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
