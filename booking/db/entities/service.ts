import { EntitySchema } from 'typeorm';
import type { Locale } from '../../../core/locale';

export interface ServiceRow {
  id: string;
  businessId: string;
  key: string;
  names: Partial<Record<Locale, string>>;
  synonyms: Partial<Record<Locale, string[]>>;
  durationMinutes: number;
  /** Time kept free after the visit (clean-up, travel to the next customer). */
  bufferMinutes: number;
  priceCents: number | null;
  active: boolean;
  /** Place in the business file: menus list in this order. */
  position: number;
}

export const ServiceEntity = new EntitySchema<ServiceRow>({
  name: 'Service',
  tableName: 'service',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    key: { type: 'text' },
    names: { type: 'jsonb' },
    synonyms: { type: 'jsonb' },
    durationMinutes: { type: 'integer', name: 'duration_minutes' },
    bufferMinutes: { type: 'integer', name: 'buffer_minutes' },
    priceCents: { type: 'integer', name: 'price_cents', nullable: true },
    active: { type: 'boolean' },
    position: { type: 'integer' },
  },
});
