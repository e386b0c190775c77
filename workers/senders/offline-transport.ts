import { randomBytes } from 'node:crypto';
import type { SendRequest, Transport } from './transport';

/**
 * Without Twilio credentials (development) nothing leaves the machine: the message row is still
 * recorded by the sender, and the text is printed so a developer sees what would have gone out.
 */
export class OfflineTransport implements Transport {
  constructor(private readonly print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  async send(request: SendRequest): Promise<{ sid: string }> {
    const text = request.template
      ? `[template ${request.template.contentSid} ${request.template.contentVariables}]`
      : request.body;
    this.print(`[offline] ${request.from} → ${request.to}: ${text}`);
    // Shaped like a Twilio SID so the unique provider_sid column treats it like any other.
    return { sid: `SM${randomBytes(16).toString('hex')}` };
  }

  skipped(request: SendRequest, code: number): void {
    this.print(`[offline] not sent (${code}) ${request.from} → ${request.to}: ${request.body}`);
  }
}
