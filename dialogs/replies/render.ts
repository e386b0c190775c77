import type { Locale } from '../../core/locale';
import { en, type MessageId } from './en';
import { es } from './es';
import { fitsOneSegment } from './segments';

export type { MessageId };

const CATALOG: Record<Locale, Record<MessageId, { text: string; short?: string }>> = { en, es };

export type Vars = Record<string, string | number>;

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`reply variable {${name}} was not given`);
    return String(vars[name]);
  });
}

/**
 * A reply in the customer's language. On SMS, the short form when the full one would take two
 * segments; WhatsApp has no segments, so it always gets the full text.
 */
export function render(id: MessageId, locale: Locale, vars: Vars = {}, channel: 'sms' | 'whatsapp' = 'sms'): string {
  const message = CATALOG[locale][id];
  const full = fill(message.text, vars);
  if (!message.short || channel === 'whatsapp' || fitsOneSegment(full)) return full;
  return fill(message.short, vars);
}
