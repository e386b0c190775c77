import twilio from 'twilio';
import type { Config } from '../../core/config';
import { RebasedHttpClient } from './rebased-http-client';
import { SendFailure, type SendRequest, type Transport } from './transport';

/** Our own retries decide; a hung request must not hold a worker slot for Twilio's 30 s default. */
const TIMEOUT_MS = 15_000;

/** The real twilio client; TWILIO_API_URL, when set, points it at another base URL. */
export class TwilioTransport implements Transport {
  private readonly client: twilio.Twilio;
  private readonly statusCallback: string;

  constructor(config: Pick<Config, 'twilio' | 'publicBaseUrl'>) {
    const { accountSid, authToken, apiUrl } = config.twilio;
    const httpClient = apiUrl ? new RebasedHttpClient(apiUrl, { timeout: TIMEOUT_MS }) : undefined;
    this.client = twilio(accountSid, authToken, { httpClient, timeout: TIMEOUT_MS, autoRetry: false });
    this.statusCallback = `${config.publicBaseUrl}/webhooks/twilio/status`;
  }

  async send(request: SendRequest): Promise<{ sid: string }> {
    // A messaging service (MG…) picks the number itself; a plain address is the sender.
    const sender = request.from.startsWith('MG') ? { messagingServiceSid: request.from } : { from: request.from };
    const content = request.template
      ? { contentSid: request.template.contentSid, contentVariables: request.template.contentVariables }
      : { body: request.body };
    try {
      const message = await this.client.messages.create({
        to: request.to,
        ...sender,
        ...content,
        statusCallback: this.statusCallback,
      });
      return { sid: message.sid };
    } catch (error) {
      throw toSendFailure(error);
    }
  }
}

/** Twilio's RestException (HTTP status + error code) or a network error, as one SendFailure. */
function toSendFailure(error: unknown): SendFailure {
  if (error instanceof twilio.RestException) {
    const retryable = error.status === 429 || error.status >= 500;
    return new SendFailure(error.message, retryable, error.code ?? null, error.status);
  }
  // No HTTP answer (refused, reset, timed out): try again later.
  return new SendFailure(error instanceof Error ? error.message : String(error), true, null, null);
}
