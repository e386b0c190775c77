import type { Locale } from '../../core/locale';
import { TEMPLATE_MESSAGE_IDS, type TemplateMessageId } from '../../booking/businesses/business-file';
import type { Catalog } from '../../booking/repositories/catalog';
import type { MessageId, Vars } from '../../dialogs/replies/render';
import type { Template } from '../queues';

const VISIT = ['business', 'service', 'when', 'ref'] as const;

/**
 * The variables each message's template is approved with, as {{1}}, {{2}}, … in this order.
 * Keyed by every id the business file accepts, so adding one there fails to compile until its
 * variables are written here.
 */
const VARIABLES: Record<TemplateMessageId, readonly string[]> = {
  reminder: VISIT,
  customerBooked: VISIT,
  customerApproved: VISIT,
  customerDeclined: VISIT,
  customerCancelled: VISIT,
  customerRescheduled: VISIT,
  ownerBooked: [...VISIT, 'customer'],
  ownerRequested: [...VISIT, 'customer'],
  ownerCancelled: [...VISIT, 'customer'],
  ownerRescheduled: [...VISIT, 'customer'],
  digest: ['business', 'date', 'list'],
  digestEmpty: ['business', 'date'],
};

/** Fails to compile if the business file allows a template for an id no message has. */
const TEMPLATE_IDS: readonly MessageId[] = TEMPLATE_MESSAGE_IDS;

function canUseTemplate(id: MessageId): id is TemplateMessageId {
  return TEMPLATE_IDS.includes(id);
}

/**
 * WhatsApp refuses a template parameter with a line break, a tab or more than four spaces in a
 * row (Meta's error 132018): the agenda's lines become "; "-separated in a template.
 */
function templateValue(value: string | number | undefined): string | number | undefined {
  return typeof value === 'string' ? value.replace(/\s*\n\s*/g, '; ').replace(/[\t ]{2,}/g, ' ') : value;
}

/** A business's approved WhatsApp template for this message, in this language or else the business's. */
export function templateFor(catalog: Catalog, id: MessageId, locale: Locale, vars: Vars): Template | undefined {
  if (!canUseTemplate(id)) return undefined;
  const sids = catalog.business.whatsappTemplates[id] ?? {};
  const contentSid = sids[locale] ?? sids[catalog.business.defaultLocale];
  if (!contentSid) return undefined;
  const contentVariables = JSON.stringify(
    Object.fromEntries(VARIABLES[id].map((name, i) => [i + 1, templateValue(vars[name])])),
  );
  return { contentSid, contentVariables };
}
