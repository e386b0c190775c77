import twilio from 'twilio';

type RequestOptions = Parameters<twilio.RequestClient['request']>[0];

const TWILIO_API = /^https:\/\/api\.twilio\.com(?=\/|$)/;

/**
 * twilio-node's own HTTP client, with the REST host swapped for another base URL (TWILIO_API_URL:
 * a local fake in tests, or a Twilio-compatible gateway). `edge`/`region` can only change the
 * twilio.com host, so this hook is the supported way; the library itself stays untouched.
 */
export class RebasedHttpClient extends twilio.RequestClient {
  private readonly base: string;

  constructor(baseUrl: string, options: ConstructorParameters<typeof twilio.RequestClient>[0] = {}) {
    super(options);
    this.base = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestOptions & { data?: TData }) {
    return super.request<TData>({ ...opts, uri: opts.uri.replace(TWILIO_API, this.base) });
  }
}
