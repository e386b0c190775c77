import { Type } from 'typebox';
import { ErrorReply } from './error-reply';
import {
  AccountSid,
  ChannelAddress,
  DigitString,
  MessageSid,
  MessagingServiceSid,
  TWILIO_API_VERSION,
} from './primitives';

/**
 * WhatsApp lets a customer write 4,096 characters (SMS 1,600), and nothing a customer wrote may
 * be lost: twice that, so no difference in how characters are counted refuses a real message.
 */
const BODY_MAX_LENGTH = 8_192;

/**
 * Twilio's form fields. Twilio adds fields without notice, so any other field is let through (and
 * is part of what the signature covers), but as one string: Twilio never repeats a field, and a
 * repeated one (`MediaUrl0=a&MediaUrl0=b`) is refused naming it.
 *
 * The fields with a fixed form are checked, because the signature alone cannot tell where one
 * field ends: it signs each key followed by its value, keys sorted, with no separator, so
 * `ApiVersion=2010-04-01&Body=hi` and `ApiVersion=2010-04-01Bodyhi` sign alike. `ApiVersion`
 * (which sorts right before `Body`) must be exactly Twilio's, and the SIDs and addresses are
 * anchored patterns, so a request refolded that way fails here. What folding cannot be stopped
 * (a body split at a capitalised word into a made-up field) keeps the MessageSid, so it is a
 * redelivery of the message Twilio really sent unless that one never arrived.
 */
const InboundMessageForm = Type.Object(
  {
    MessageSid,
    SmsMessageSid: Type.Optional(MessageSid),
    SmsSid: Type.Optional(MessageSid),
    AccountSid: Type.Optional(AccountSid),
    MessagingServiceSid: Type.Optional(MessagingServiceSid),
    ApiVersion: Type.Optional(Type.Literal(TWILIO_API_VERSION)),
    From: ChannelAddress,
    To: ChannelAddress,
    Body: Type.Optional(Type.String({ maxLength: BODY_MAX_LENGTH })),
    NumMedia: Type.Optional(DigitString(2)),
    NumSegments: Type.Optional(DigitString(3)),
    ProfileName: Type.Optional(Type.String({ maxLength: 256 })),
    OptOutType: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: Type.String() },
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
  response: { 200: Twiml, 400: ErrorReply, 404: ErrorReply, 415: ErrorReply },
};

/** POST /webhooks/twilio/status: nothing to say back. */
export const StatusCallbackSchema = {
  body: StatusCallbackForm,
  response: { 204: Type.Null(), 400: ErrorReply, 415: ErrorReply },
};
