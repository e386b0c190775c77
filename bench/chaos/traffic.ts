import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { AUTH_TOKEN, type ChaosDeployment, PUBLIC_BASE_URL } from './deployment';

export const INBOUND_PATH = '/webhooks/twilio/messages';

export interface Answer {
  status: number;
  /** The <Message> text, null for none. */
  text: string | null;
}

export function messageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** A Twilio inbound message webhook's form. */
export function inboundForm(from: string, to: string, body: string, sid = messageSid()): Record<string, string> {
  return {
    MessageSid: sid,
    AccountSid: `AC${'c'.repeat(32)}`,
    From: from,
    To: to,
    Body: body,
    NumMedia: '0',
    ApiVersion: '2010-04-01',
    SmsStatus: 'received',
  };
}

/** Posts a form to the app signed as Twilio signs it; a refused connection or a timeout is status 0. */
export async function postSigned(
  d: ChaosDeployment,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  d.personalData.add(form.From);
  if (form.Body.trim().length >= 6) d.personalData.add(form.Body.trim());
  try {
    const response = await fetch(`${d.baseUrl}${INBOUND_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${INBOUND_PATH}`, form),
        ...headers,
      },
      body: new URLSearchParams(form).toString(),
      // Twilio gives up after 15 s.
      signal: AbortSignal.timeout(15_000),
    });
    const body = await response.text();
    const match = /<Message>([\s\S]*?)<\/Message>/.exec(body);
    return { status: response.status, text: match ? unescapeXml(match[1]) : null };
  } catch {
    return { status: 0, text: null };
  }
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** How many of `values` occur more than once, counting each extra occurrence. */
export function duplicates(values: string[]): number {
  return values.length - new Set(values).size;
}
