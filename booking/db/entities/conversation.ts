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
  /** Inbound messages stored and not yet read by a turn, in arrival order. */
  pending: string[];
  /** The message whose delivery runs the conversation's turn, until `turnUntil` at the latest. */
  turnHolder: string | null;
  turnUntil: Date | null;
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
    pending: { type: 'uuid', array: true },
    turnHolder: { type: 'uuid', name: 'turn_holder', nullable: true },
    turnUntil: { type: 'timestamptz', name: 'turn_until', nullable: true },
  },
});
