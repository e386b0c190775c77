import { EntitySchema } from 'typeorm';
import type { WeeklyHours } from '../../availability/weekly-hours';

export interface StaffRow {
  id: string;
  businessId: string;
  key: string;
  name: string;
  /** Other ways customers name this person ("Dr. Soto", "la doctora"). */
  aliases: string[];
  weeklyHours: WeeklyHours;
  active: boolean;
  /** Place in the business file: menus list in this order. */
  position: number;
}

export const StaffEntity = new EntitySchema<StaffRow>({
  name: 'Staff',
  tableName: 'staff',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    key: { type: 'text' },
    name: { type: 'text' },
    aliases: { type: 'text', array: true },
    weeklyHours: { type: 'jsonb', name: 'weekly_hours' },
    active: { type: 'boolean' },
    position: { type: 'integer' },
  },
});

export interface StaffServiceRow {
  staffId: string;
  serviceId: string;
}

export const StaffServiceEntity = new EntitySchema<StaffServiceRow>({
  name: 'StaffService',
  tableName: 'staff_service',
  columns: {
    staffId: { type: 'uuid', primary: true, name: 'staff_id' },
    serviceId: { type: 'uuid', primary: true, name: 'service_id' },
  },
});
