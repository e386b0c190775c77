import { EntitySchema } from 'typeorm';
import type { Channel } from './channel-endpoint';

export interface ConversationRow {
  id: string;
  businessId: string;
  customerId: string;
  channel: Channel;
  /** Dialog state owned by bot/: intent, filled slots, offered slots, pending confirmation. */
  state: Record<string, unknown>;
  /** The customer's last message: opens WhatsApp's 24-hour window. */
  lastInboundAt: Date | null;
  expiresAt: Date | null;
  updatedAt: Date;
}

export const ConversationEntity = new EntitySchema<ConversationRow>({
  name: 'Conversation',
  tableName: 'conversation',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    customerId: { type: 'uuid', name: 'customer_id' },
    channel: { type: 'text' },
    state: { type: 'jsonb' },
    lastInboundAt: { type: 'timestamptz', name: 'last_inbound_at', nullable: true },
    expiresAt: { type: 'timestamptz', name: 'expires_at', nullable: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
});
