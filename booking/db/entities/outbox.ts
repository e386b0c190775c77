import { EntitySchema } from 'typeorm';

export interface OutboxRow {
  id: string;
  businessId: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  processedAt: Date | null;
}

export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'Outbox',
  tableName: 'outbox',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    businessId: { type: 'uuid', name: 'business_id' },
    topic: { type: 'text' },
    payload: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    processedAt: { type: 'timestamptz', name: 'processed_at', nullable: true },
  },
});
