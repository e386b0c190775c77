import type { Locale } from '../../core/locale';
import type { Channel, ChannelEndpointRow } from '../../booking/db/entities/channel-endpoint';
import type { Catalog } from '../../booking/repositories/catalog';
import type { VisitForMessaging } from '../../booking/repositories/notices';
import type { Recipient } from '../../booking/repositories/recipients';
import { whatsappWindowOpen } from '../../booking/whatsapp-window';
import type { MessageId, Vars } from '../../dialogs/replies/render';
import type { Template } from '../queues';
import { TWILIO_ERRORS } from '../senders/transport';
import { templateFor } from './templates';

export function addressOn(channel: Channel, phone: string): string {
  return channel === 'whatsapp' ? `whatsapp:${phone}` : phone;
}

function endpointOn(catalog: Catalog, channels: (Channel | null | undefined)[]): ChannelEndpointRow | undefined {
  for (const channel of channels) {
    const found = catalog.endpoints.find((e) => e.channel === channel);
    if (found) return found;
  }
  return undefined;
}

export interface Route {
  channel: Channel;
  from: string;
  to: string;
  template?: Template;
  fallback?: Template;
  skipCode?: number;
}

export interface RouteText {
  id: MessageId;
  locale: Locale;
  vars: Vars;
}

/**
 * A message the business starts, to `phone` from `endpoint`, with the business's template for this
 * text should WhatsApp's window need one.
 */
function routeFrom(
  catalog: Catalog,
  endpoint: ChannelEndpointRow,
  phone: string,
  whatsappInboundAt: Date | null,
  text: RouteText,
  now: Date,
): Route {
  const route: Route = { channel: endpoint.channel, from: endpoint.address, to: addressOn(endpoint.channel, phone) };
  if (endpoint.channel !== 'whatsapp') return route;
  return underWhatsappWindow(route, whatsappInboundAt, templateFor(catalog, text.id, text.locale, text.vars), now);
}

/**
 * WhatsApp's rule for a message the business starts: inside the 24-hour window (from the
 * recipient's last WhatsApp message) free-form text may go, with the template as the fallback
 * should Twilio still answer 63016; outside it only the template, and without one the message is
 * recorded as skipped (63016) rather than sent to fail. A message with no text is the template.
 */
export function underWhatsappWindow(
  route: Route,
  whatsappInboundAt: Date | null,
  template: Template | undefined,
  now: Date,
  hasText = true,
): Route {
  if (whatsappWindowOpen(whatsappInboundAt, now) && hasText) return { ...route, fallback: template };
  return template ? { ...route, template } : { ...route, skipCode: TWILIO_ERRORS.outsideWhatsAppWindow };
}

/** How to reach a visit's customer: on the channel they booked or last wrote on. */
export function routeToCustomer(catalog: Catalog, visit: VisitForMessaging, text: RouteText, now: Date): Route | null {
  if (!visit.phone) return null;
  const source = visit.sourceChannel === 'sms' || visit.sourceChannel === 'whatsapp' ? visit.sourceChannel : null;
  const endpoint = endpointOn(catalog, [source, visit.lastChannel, 'sms', 'whatsapp']);
  return endpoint ? routeFrom(catalog, endpoint, visit.phone, visit.whatsappInboundAt, text, now) : null;
}

/** Any number the business can send from: without one nobody can be told anything. */
export function ownerEndpoint(catalog: Catalog): ChannelEndpointRow | undefined {
  return endpointOn(catalog, ['sms', 'whatsapp']);
}

/**
 * How to reach one owner phone, so that an owner always hears of a change: on the channel the
 * owner last wrote on (SMS when they never wrote and the business has it); on WhatsApp free-form
 * inside the 24-hour window, else the business's approved template, else by SMS when the business
 * has an SMS number. Only a WhatsApp-only business without a template is left with a message
 * recorded as skipped (63016), which the owner's `today` then shows.
 */
export function routeToOwner(
  catalog: Catalog,
  phone: string,
  contact: Pick<Recipient, 'lastChannel' | 'whatsappInboundAt'>,
  text: RouteText,
  now: Date,
): Route | null {
  const endpoint = endpointOn(catalog, [contact.lastChannel, 'sms', 'whatsapp']);
  if (!endpoint) return null;
  const route = routeFrom(catalog, endpoint, phone, contact.whatsappInboundAt, text, now);
  const sms = route.skipCode === undefined ? undefined : endpointOn(catalog, ['sms']);
  return sms ? routeFrom(catalog, sms, phone, null, text, now) : route;
}
