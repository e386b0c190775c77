import { EntitySchema } from 'typeorm';

export type Channel = 'sms' | 'whatsapp';

export interface ChannelEndpointRow {
  id: string;
  businessId: string;
  channel: Channel;
  /** `+15550100001` for SMS, `whatsapp:+56920000001` for WhatsApp: exactly Twilio's `To`. */
  address: string;
}

export const ChannelEndpointEntity = new EntitySchema<ChannelEndpointRow>({
  name: 'ChannelEndpoint',
  tableName: 'channel_endpoint',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    businessId: { type: 'uuid', name: 'business_id' },
    channel: { type: 'text' },
    address: { type: 'text', unique: true },
  },
});
