import { Type } from 'typebox';
import { ErrorReply } from './error-reply';
import { AccountSid, ChannelAddress, DigitString, MessageSid } from './primitives';

/**
 * Twilio's form fields that the bot relies on. Twilio adds fields without notice, so anything
 * else is allowed through (and is part of what the signature covers).
 */

/**
 * WhatsApp lets a customer write 4,096 characters (SMS 1,600), and nothing a customer wrote may
 * be lost: twice that, so no difference in how characters are counted refuses a real message.
 */
const BODY_MAX_LENGTH = 8_192;

const InboundMessageForm = Type.Object(
  {
    MessageSid,
    AccountSid: Type.Optional(AccountSid),
    From: ChannelAddress,
    To: ChannelAddress,
    Body: Type.Optional(Type.String({ maxLength: BODY_MAX_LENGTH })),
    NumMedia: Type.Optional(DigitString(2)),
    ProfileName: Type.Optional(Type.String({ maxLength: 256 })),
    OptOutType: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

/** Every `MessageStatus` Twilio documents (PROTOCOLS.md). */
const MessageStatus = Type.Enum([
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
]);

const StatusCallbackForm = Type.Object(
  {
    MessageSid,
    MessageStatus,
    ErrorCode: Type.Optional(DigitString(6)),
  },
  { additionalProperties: true },
);

/** The answer to an inbound message: TwiML, `<Response/>` when nothing is said. */
const Twiml = Type.String({ contentMediaType: 'text/xml' });

/** POST /webhooks/twilio/messages. 404: no business owns the `To` number. */
export const InboundMessageSchema = {
  body: InboundMessageForm,
  response: { 200: Twiml, 400: ErrorReply, 404: ErrorReply },
};

/** POST /webhooks/twilio/status: nothing to say back. */
export const StatusCallbackSchema = {
  body: StatusCallbackForm,
  response: { 204: Type.Null(), 400: ErrorReply },
};
