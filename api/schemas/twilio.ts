/**
 * Twilio's form fields that the bot relies on. Twilio adds fields without notice, so anything
 * else is allowed through (and is part of what the signature covers).
 */
const address = { type: 'string', pattern: '^(whatsapp:)?\\+[1-9][0-9]{6,14}$' } as const;

/**
 * WhatsApp lets a customer write 4,096 characters (SMS 1,600), and nothing a customer wrote may
 * be lost: twice that, so no difference in how characters are counted refuses a real message.
 */
const BODY_MAX_LENGTH = 8_192;

export const inboundMessageBody = {
  type: 'object',
  required: ['MessageSid', 'From', 'To'],
  properties: {
    MessageSid: { type: 'string', pattern: '^(SM|MM)[0-9a-fA-F]{32}$' },
    AccountSid: { type: 'string', pattern: '^AC[0-9a-fA-F]{32}$' },
    From: address,
    To: address,
    Body: { type: 'string', maxLength: BODY_MAX_LENGTH },
    NumMedia: { type: 'string', pattern: '^[0-9]{1,2}$' },
    ProfileName: { type: 'string', maxLength: 256 },
    OptOutType: { type: 'string' },
  },
  additionalProperties: true,
} as const;

export const statusCallbackBody = {
  type: 'object',
  required: ['MessageSid', 'MessageStatus'],
  properties: {
    MessageSid: { type: 'string', pattern: '^(SM|MM)[0-9a-fA-F]{32}$' },
    MessageStatus: {
      type: 'string',
      enum: [
        'queued',
        'accepted',
        'scheduled',
        'sending',
        'sent',
        'delivered',
        'undelivered',
        'failed',
        'read',
        'canceled',
        'receiving',
        'received',
        'partially_delivered',
      ],
    },
    ErrorCode: { type: 'string', pattern: '^[0-9]{1,6}$' },
  },
  additionalProperties: true,
} as const;
