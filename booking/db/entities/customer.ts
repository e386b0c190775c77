import { EntitySchema } from 'typeorm';
import type { Locale } from '../../../core/locale';

export interface CustomerDetails {
  address?: string;
  vehicle?: string;
  notes?: string;
}

export interface CustomerRow {
  id: string;
  businessId: string;
  phone: string;
  name: string | null;
  locale: Locale | null;
  optedOutAt: Date | null;
  details: CustomerDetails;
  createdAt: Date;
}

export const CustomerEntity = new EntitySchema<CustomerRow>({
  name: 'Customer',
  tableName: 'customer',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    phone: { type: 'text' },
    name: { type: 'text', nullable: true },
    locale: { type: 'text', nullable: true },
    optedOutAt: { type: 'timestamptz', name: 'opted_out_at', nullable: true },
    details: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
