import { EntitySchema } from 'typeorm';
import type { Locale } from '../../../core/locale';
import type { BusinessSettings } from '../../business-settings';

export interface BusinessRow {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  defaultLocale: Locale;
  locales: Locale[];
  ownerPhones: string[];
  settings: BusinessSettings;
  whatsappTemplates: Record<string, Partial<Record<Locale, string>>>;
  createdAt: Date;
  updatedAt: Date;
}

export const BusinessEntity = new EntitySchema<BusinessRow>({
  name: 'Business',
  tableName: 'business',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    slug: { type: 'text', unique: true },
    name: { type: 'text' },
    timezone: { type: 'text' },
    defaultLocale: { type: 'text', name: 'default_locale' },
    locales: { type: 'text', array: true },
    ownerPhones: { type: 'text', array: true, name: 'owner_phones' },
    settings: { type: 'jsonb' },
    whatsappTemplates: { type: 'jsonb', name: 'whatsapp_templates' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
