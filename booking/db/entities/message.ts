import { EntitySchema } from 'typeorm';
import type { Channel } from './channel-endpoint';

export type MessageDirection = 'inbound' | 'outbound';

export interface MessageRow {
  id: string;
  businessId: string;
  customerId: string | null;
  appointmentId: string | null;
  inReplyTo: string | null;
  direction: MessageDirection;
  channel: Channel;
  /** conversation, reminder, owner_notice, customer_notice, digest, relay… */
  purpose: string;
  fromAddress: string;
  toAddress: string;
  body: string;
  media: { url: string; contentType: string }[];
  /** Twilio's MessageSid; unique, which makes inbound delivery idempotent. */
  providerSid: string | null;
  status: string;
  errorCode: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export const MessageEntity = new EntitySchema<MessageRow>({
  name: 'Message',
  tableName: 'message',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    customerId: { type: 'uuid', name: 'customer_id', nullable: true },
    appointmentId: { type: 'uuid', name: 'appointment_id', nullable: true },
    inReplyTo: { type: 'uuid', name: 'in_reply_to', nullable: true },
    direction: { type: 'text' },
    channel: { type: 'text' },
    purpose: { type: 'text' },
    fromAddress: { type: 'text', name: 'from_address' },
    toAddress: { type: 'text', name: 'to_address' },
    body: { type: 'text' },
    media: { type: 'jsonb' },
    providerSid: { type: 'text', name: 'provider_sid', nullable: true },
    status: { type: 'text' },
    errorCode: { type: 'integer', name: 'error_code', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at', createDate: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at', updateDate: true },
  },
  indices: [
    {
      name: 'message_provider_sid_business',
      columns: ['providerSid', 'businessId'],
      unique: true,
      where: 'provider_sid IS NOT NULL',
    },
  ],
});
