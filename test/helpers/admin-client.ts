import { DEMO_ADMIN_PASSWORD } from '../../booking/businesses/seed';

export const EDGAR_ADMIN = 'admin@edgar.example';
export const CLINICA_ADMIN = 'admin@clinica.example';

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the API answered and assert on it
  body: any;
  text: string;
  headers: Headers;
}

/**
 * The admin page's side of the API over real HTTP: keeps the session cookie as a browser would
 * and sends the CSRF token it was given. Requests say they came through an https proxy
 * (X-Forwarded-Proto), as in production, where the Secure cookie is then set.
 */
export class AdminClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(
    private readonly baseUrl: string,
    readonly ip = '203.0.113.10',
  ) {}

  async login(email: string, password = DEMO_ADMIN_PASSWORD): Promise<Answer> {
    const answer = await this.send('POST', '/api/admin/login', { email, password });
    if (answer.status === 200) this.csrfToken = answer.body.csrfToken;
    return answer;
  }

  get(path: string): Promise<Answer> {
    return this.send('GET', path);
  }

  post(path: string, body: unknown = {}): Promise<Answer> {
    return this.send('POST', path, body);
  }

  put(path: string, body: unknown): Promise<Answer> {
    return this.send('PUT', path, body);
  }

  delete(path: string): Promise<Answer> {
    return this.send('DELETE', path);
  }

  async send(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'x-forwarded-proto': 'https', 'x-forwarded-for': this.ip };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      this.cookie = /=$/.test(pair) || /Expires=Thu, 01 Jan 1970/i.test(line) ? null : pair;
    }
    // Decoded as written: fetch's text() would drop a byte-order mark, which a CSV test looks for.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
    return { status: response.status, body: parsed, text, headers: response.headers };
  }
}
