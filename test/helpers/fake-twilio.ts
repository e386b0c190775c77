import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for Twilio's REST API, enough for `messages.create`: it records each
 * `POST /2010-04-01/Accounts/{sid}/Messages.json` form and answers as Twilio would, 201 by default
 * or whatever a test scripted for that recipient. Point the app at it with TWILIO_API_URL.
 */

export type Answer = 201 | 429 | 500 | 21610 | 63016 | 21211;

export interface RecordedRequest {
  /** performance.timeOrigin-based milliseconds, for measuring spacing. */
  at: number;
  accountSid: string;
  form: Record<string, string>;
  answered: Answer;
  sid: string | null;
}

const ERRORS: Record<Exclude<Answer, 201>, { status: number; message: string }> = {
  429: { status: 429, message: 'Too Many Requests' },
  500: { status: 500, message: 'Internal Server Error' },
  21610: { status: 400, message: 'Attempt to send to unsubscribed recipient' },
  63016: {
    status: 400,
    message: 'Failed to send freeform message because you are outside the allowed window. Please use a Template.',
  },
  // Twilio names the number it refused, as given.
  21211: { status: 400, message: "The 'To' number {To} is not a valid phone number." },
};

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\.json$/;

export class FakeTwilio {
  readonly requests: RecordedRequest[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private waiters: (() => void)[] = [];
  private beforeAccepting: ((request: RecordedRequest) => Promise<void>) | null = null;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly auth: string,
  ) {}

  static async start(accountSid: string, authToken: string): Promise<FakeTwilio> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeTwilio(
      server,
      `http://127.0.0.1:${port}`,
      `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
    );
    server.on('request', (req, res) => void fake.handle(req, res));
    return fake;
  }

  /** The next answers for messages to `to` (in order); after them, 201 again. */
  script(to: string, ...answers: Answer[]): void {
    this.scripts.set(to, [...(this.scripts.get(to) ?? []), ...answers]);
  }

  /**
   * Runs `hook` for each accepted message before its 201 goes back: what Twilio does there (a
   * status callback, say) reaches the app before the sender learns the SID. Null removes it.
   */
  beforeAnswering(hook: ((request: RecordedRequest) => Promise<void>) | null): void {
    this.beforeAccepting = hook;
  }

  accepted(): RecordedRequest[] {
    return this.requests.filter((r) => r.answered === 201);
  }

  to(address: string): RecordedRequest[] {
    return this.requests.filter((r) => r.form.To === address);
  }

  /** Resolves once `predicate` holds over the recorded requests. */
  async waitFor(predicate: (requests: RecordedRequest[]) => boolean, timeoutMs = 10_000): Promise<RecordedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.requests)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `fake Twilio: condition not met in ${timeoutMs} ms; saw ${this.requests.length} request(s): ${this.describe()}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.requests;
  }

  describe(): string {
    return this.requests.map((r) => `${r.answered} ${r.form.To} ${r.form.Body ?? r.form.ContentSid}`).join(' | ');
  }

  reset(): void {
    this.requests.length = 0;
    this.scripts.clear();
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = MESSAGES_PATH.exec(new URL(req.url ?? '/', this.url).pathname);
    if (req.method !== 'POST' || !match)
      return reply(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (req.headers.authorization !== this.auth)
      return reply(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const queued = this.scripts.get(form.To);
    const answered = queued?.shift() ?? 201;
    const sid = answered === 201 ? `SM${randomBytes(16).toString('hex')}` : null;
    const recorded: RecordedRequest = {
      at: performance.timeOrigin + performance.now(),
      accountSid: match[1],
      form,
      answered,
      sid,
    };
    this.requests.push(recorded);
    for (const wake of this.waiters.splice(0)) wake();
    if (answered !== 201) {
      const error = ERRORS[answered];
      return reply(res, error.status, {
        code: answered === 429 ? 20429 : answered === 500 ? 20500 : answered,
        message: error.message.replace('{To}', form.To),
        more_info: `https://www.twilio.com/docs/errors/${answered}`,
        status: error.status,
      });
    }
    if (this.beforeAccepting) await this.beforeAccepting(recorded);
    const now = new Date().toUTCString();
    reply(res, 201, {
      sid,
      account_sid: match[1],
      to: form.To,
      from: form.From ?? null,
      messaging_service_sid: form.MessagingServiceSid ?? null,
      body: form.Body ?? '',
      status: 'queued',
      num_segments: '1',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: now,
      date_updated: now,
      date_sent: null,
      uri: `/2010-04-01/Accounts/${match[1]}/Messages/${sid}.json`,
    });
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
