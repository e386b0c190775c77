import MessagingResponse from 'twilio/lib/twiml/MessagingResponse';
import { plainText } from './plain-text';

/**
 * The TwiML answer to an inbound message: `<Message>` with the reply, or `<Response/>` for none.
 * Twilio's builder throws on a character XML cannot hold; the reply is made plain first (a stored
 * name or address from before the webhook cleaned its input can still carry one), so this never
 * throws. The builder escapes the markup characters.
 */
export function twimlReply(reply: string | null): string {
  const response = new MessagingResponse();
  const text = reply === null ? '' : plainText(reply);
  if (text) response.message(text);
  return response.toString();
}
