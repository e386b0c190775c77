import type { Locale } from '../../core/locale';
import type { Channel, ChannelEndpointRow } from '../../booking/db/entities/channel-endpoint';
import type { Catalog } from '../../booking/repositories/catalog';
import type { VisitForMessaging } from '../../booking/repositories/notices';
import type { MessageId, Vars } from '../../dialogs/replies/render';
import type { Template } from '../queues';
import { TWILIO_ERRORS } from '../senders/transport';
import { templateFor } from './templates';

const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

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
  const windowOpen = whatsappInboundAt !== null && now.getTime() - whatsappInboundAt.getTime() < WHATSAPP_WINDOW_MS;
  if (windowOpen && hasText) return { ...route, fallback: template };
  return template ? { ...route, template } : { ...route, skipCode: TWILIO_ERRORS.outsideWhatsAppWindow };
}

/** How to reach a visit's customer: on the channel they booked or last wrote on. */
export function routeToCustomer(catalog: Catalog, visit: VisitForMessaging, text: RouteText, now: Date): Route | null {
  if (!visit.phone) return null;
  const source = visit.sourceChannel === 'sms' || visit.sourceChannel === 'whatsapp' ? visit.sourceChannel : null;
  const endpoint = endpointOn(catalog, [source, visit.lastChannel, 'sms', 'whatsapp']);
  return endpoint ? routeFrom(catalog, endpoint, visit.phone, visit.whatsappInboundAt, text, now) : null;
}

/** Owners text the business by SMS; a WhatsApp-only business reaches them on WhatsApp. */
export function ownerEndpoint(catalog: Catalog): ChannelEndpointRow | undefined {
  return endpointOn(catalog, ['sms', 'whatsapp']);
}

/** How to reach one owner phone from the owner endpoint, under its WhatsApp window. */
export function routeToOwner(
  catalog: Catalog,
  endpoint: ChannelEndpointRow,
  phone: string,
  whatsappInboundAt: Date | null,
  text: RouteText,
  now: Date,
): Route {
  return routeFrom(catalog, endpoint, phone, whatsappInboundAt, text, now);
}
