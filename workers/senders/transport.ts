import { RECIPIENT_OPTED_OUT } from '../../booking/repositories/delivery-status';
import type { Template } from '../queues';

/** One message handed to a provider: a body, or a WhatsApp template instead of one. */
export interface SendRequest {
  from: string;
  to: string;
  body: string;
  template?: Template;
}

/** How messages leave: Twilio's REST API, or (offline) the console. */
export interface Transport {
  send(request: SendRequest): Promise<{ sid: string }>;
  /** A message recorded as not sent (opted out, outside WhatsApp's window): only offline says so. */
  skipped?(request: SendRequest, code: number): void;
}

/**
 * A provider's refusal, translated once: `retryable` for 429, 5xx and network trouble (try again
 * later), not for the rest (the same request would fail the same way). `code` is Twilio's.
 */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code: number | null,
    readonly httpStatus: number | null,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/** Twilio error codes the sender acts on (Twilio's error dictionary). */
export const TWILIO_ERRORS = {
  optedOut: RECIPIENT_OPTED_OUT,
  outsideWhatsAppWindow: 63016,
} as const;
