import { Type } from 'typebox';

/**
 * The values routes share, each defined once: a route's schema names these instead of repeating
 * a pattern. Twilio's formats are in PROTOCOLS.md.
 */

/** A phone number in E.164 (`+14155551234`). */
const E164 = '\\+[1-9][0-9]{6,14}';

/** An address Twilio delivers to or from: E.164 for SMS, `whatsapp:` and E.164 for WhatsApp. */
export const ChannelAddress = Type.String({ pattern: `^(whatsapp:)?${E164}$` });

/** A Twilio message SID: `SM…`, or `MM…` for a message with media. */
export const MessageSid = Type.String({ pattern: '^(SM|MM)[0-9a-fA-F]{32}$' });

export const AccountSid = Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' });

export const MessagingServiceSid = Type.String({ pattern: '^MG[0-9a-fA-F]{32}$' });

/** The API version every Twilio webhook names in `ApiVersion`. */
export const TWILIO_API_VERSION = '2010-04-01';

/** A whole number sent as form text (Twilio's `NumMedia`, `ErrorCode`), at most `digits` long. */
export const DigitString = (digits: number) => Type.String({ pattern: `^[0-9]{1,${digits}}$` });
