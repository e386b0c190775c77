import { EntitySchema } from 'typeorm';
import type { AppointmentStatus } from '../../statuses';

export type AppointmentKind = 'visit' | 'block';
export type SourceChannel = 'sms' | 'whatsapp' | 'owner' | 'admin';

export interface AppointmentRow {
  id: string;
  businessId: string;
  staffId: string;
  serviceId: string | null;
  customerId: string | null;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  /** endsAt plus the service's buffer: the range no other active appointment may overlap. */
  busyUntil: Date;
  reference: string;
  sourceChannel: SourceChannel | null;
  address: string | null;
  notes: string | null;
  cancelReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const AppointmentEntity = new EntitySchema<AppointmentRow>({
  name: 'Appointment',
  tableName: 'appointment',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    staffId: { type: 'uuid', name: 'staff_id' },
    serviceId: { type: 'uuid', name: 'service_id', nullable: true },
    customerId: { type: 'uuid', name: 'customer_id', nullable: true },
    kind: { type: 'text' },
    status: { type: 'text' },
    startsAt: { type: 'timestamptz', name: 'starts_at' },
    endsAt: { type: 'timestamptz', name: 'ends_at' },
    busyUntil: { type: 'timestamptz', name: 'busy_until' },
    reference: { type: 'text' },
    sourceChannel: { type: 'text', name: 'source_channel', nullable: true },
    address: { type: 'text', nullable: true },
    notes: { type: 'text', nullable: true },
    cancelReason: { type: 'text', name: 'cancel_reason', nullable: true },
    version: { type: 'integer' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
