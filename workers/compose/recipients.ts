import type { Locale } from '../../core/locale';
import { TEMPLATE_MESSAGE_IDS, type TemplateMessageId } from '../../booking/businesses/business-file';
import type { Channel, ChannelEndpointRow } from '../../booking/db/entities/channel-endpoint';
import type { Catalog } from '../../booking/repositories/catalog';
import type { VisitForMessaging } from '../../booking/repositories/notices';
import type { MessageId, Vars } from '../../dialogs/replies/render';
import type { Template } from '../queues';
import { TWILIO_ERRORS } from '../senders/transport';

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

/** Owners text the business by SMS; a WhatsApp-only business reaches them on WhatsApp. */
export function ownerEndpoint(catalog: Catalog): ChannelEndpointRow | undefined {
  return endpointOn(catalog, ['sms', 'whatsapp']);
}

/**
 * A business's approved WhatsApp template for this message, in the customer's language (or the
 * business's). Variables by convention: 1 business, 2 service, 3 when, 4 reference.
 */
function templateFor(catalog: Catalog, id: MessageId, locale: Locale, vars: Vars): Template | undefined {
  const sids = isTemplateMessage(id) ? (catalog.business.whatsappTemplates[id] ?? {}) : {};
  const contentSid = sids[locale] ?? sids[catalog.business.defaultLocale];
  if (!contentSid) return undefined;
  const contentVariables = JSON.stringify({ 1: vars.business, 2: vars.service, 3: vars.when, 4: vars.ref });
  return { contentSid, contentVariables };
}

/** Fails to compile if the business file allows a template for an id no message has. */
const TEMPLATE_IDS_ARE_MESSAGES: readonly MessageId[] = TEMPLATE_MESSAGE_IDS;

function isTemplateMessage(id: MessageId): id is TemplateMessageId {
  return TEMPLATE_IDS_ARE_MESSAGES.includes(id);
}

export interface CustomerRoute {
  channel: Channel;
  from: string;
  to: string;
  template?: Template;
  fallback?: Template;
  skipCode?: number;
}

/**
 * How to reach a visit's customer: on the channel they booked or last wrote on. On WhatsApp
 * outside the 24-hour window only a template may go; without one the message is recorded as
 * skipped (63016) rather than sent free-form to fail.
 */
export function routeToCustomer(catalog: Catalog, visit: VisitForMessaging, text: { id: MessageId; locale: Locale; vars: Vars }, now: Date): CustomerRoute | null {
  if (!visit.phone) return null;
  const source = visit.sourceChannel === 'sms' || visit.sourceChannel === 'whatsapp' ? visit.sourceChannel : null;
  const endpoint = endpointOn(catalog, [source, visit.lastChannel, 'sms', 'whatsapp']);
  if (!endpoint) return null;
  const route: CustomerRoute = { channel: endpoint.channel, from: endpoint.address, to: addressOn(endpoint.channel, visit.phone) };
  if (endpoint.channel !== 'whatsapp') return route;
  const template = templateFor(catalog, text.id, text.locale, text.vars);
  const windowOpen = visit.whatsappInboundAt !== null && now.getTime() - visit.whatsappInboundAt.getTime() < WHATSAPP_WINDOW_MS;
  if (windowOpen) return { ...route, fallback: template };
  return template ? { ...route, template } : { ...route, skipCode: TWILIO_ERRORS.outsideWhatsAppWindow };
}
