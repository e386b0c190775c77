import { EntitySchema } from 'typeorm';

export interface AuditLogRow {
  id: string;
  /** Null only for a login attempt with an address no business has. */
  businessId: string | null;
  /** `owner:+15550109999`, `admin:<user id>`, `customer:<id>`, `system`. */
  actor: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export const AuditLogEntity = new EntitySchema<AuditLogRow>({
  name: 'AuditLog',
  tableName: 'audit_log',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    businessId: { type: 'uuid', name: 'business_id', nullable: true },
    actor: { type: 'text' },
    action: { type: 'text' },
    target: { type: 'text', nullable: true },
    details: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
  },
});
