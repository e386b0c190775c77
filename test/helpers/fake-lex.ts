import { createHash, createHmac, randomUUID } from 'node:crypto';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { INTENTS } from '../../dialogs/definition/intents';

/**
 * A local Amazon Lex V2 runtime for tests, driven by the real @aws-sdk/client-lex-runtime-v2 over
 * HTTP/2 (h2c), as the SDK speaks to Lex. It takes RecognizeText as Lex does —
 * `POST /bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}/text`,
 * SigV4-signed for the service `lex` (the signature is checked), JSON in and out — and answers what
 * a test scripted for that text, or an error the way the SDK expects one (status and
 * `x-amzn-errortype`). Every request is kept for the test to look at.
 */

export const FAKE_LEX_REGION = 'us-east-1';
export const FAKE_LEX_BOT = { botId: 'TXTBOOKBOT', botAliasId: 'TSTALIASID' } as const;
export const FAKE_LEX_CREDENTIALS = { accessKeyId: 'AKIDFAKELEX0000TEST', secretAccessKey: 'fake-lex-secret-key' };

/** A slot value as Lex returns it; `interpretedValue` is left out when Lex found it ambiguous. */
export interface SlotValue {
  originalValue: string;
  interpretedValue?: string;
  resolvedValues?: string[];
}

export type LexAnswer =
  | {
      intent: string;
      score?: number;
      slots?: Record<string, SlotValue>;
      confirmation?: 'None' | 'Confirmed' | 'Denied';
    }
  | { error: string; status: number }
  /** No answer for this long (the client gives up first). */
  | { stallMs: number };

export interface LexRequest {
  botId: string;
  botAliasId: string;
  localeId: string;
  sessionId: string;
  text: string;
  sessionState?: {
    sessionAttributes?: Record<string, string>;
    dialogAction?: { type: string; slotToElicit?: string };
    intent?: { name: string; state?: string };
  };
  requestAttributes?: Record<string, string>;
  /** What was wrong with the request as Lex would see it; empty for a good one. */
  problems: string[];
}

/** A slot as Lex resolves it: `slot('tomorrow', '2026-11-24')`. */
export function slot(originalValue: string, interpretedValue?: string, resolvedValues?: string[]): SlotValue {
  return {
    originalValue,
    ...(interpretedValue === undefined ? {} : { interpretedValue }),
    resolvedValues: resolvedValues ?? (interpretedValue === undefined ? [] : [interpretedValue]),
  };
}

const PATH = /^\/bots\/([^/]+)\/botAliases\/([^/]+)\/botLocales\/([^/]+)\/sessions\/([^/]+)\/text$/;
const SESSION_ID = /^[0-9a-zA-Z._:-]{2,100}$/;
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;:-]+), Signature=([0-9a-f]{64})$/;

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4, computed independently of the SDK: the signature it must have sent. */
function expectedSignature(
  method: string,
  path: string,
  headers: http2.IncomingHttpHeaders,
  signed: string[],
  body: string,
  scope: { date: string; region: string; service: string },
): string {
  const value = (name: string) => String(headers[name]);
  const canonical = [
    method,
    path
      .split('/')
      .map((segment) => encodeURIComponent(segment))
      .join('/'),
    '',
    ...signed.map((name) => `${name}:${value(name).trim().replace(/\s+/g, ' ')}`),
    '',
    signed.join(';'),
    headers['x-amz-content-sha256'] ?? sha256(body),
  ].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', String(headers['x-amz-date']), credentialScope, sha256(canonical)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${FAKE_LEX_CREDENTIALS.secretAccessKey}`, scope.date), scope.region), scope.service),
    'aws4_request',
  );
  return createHmac('sha256', key).update(toSign).digest('hex');
}

function signatureProblems(method: string, path: string, headers: http2.IncomingHttpHeaders, body: string): string[] {
  const match = AUTHORIZATION.exec(String(headers.authorization ?? ''));
  if (!match) return ['no SigV4 Authorization header'];
  const [, accessKey, date, region, service, signedHeaders, signature] = match;
  const problems: string[] = [];
  if (accessKey !== FAKE_LEX_CREDENTIALS.accessKeyId) problems.push(`signed with the access key ${accessKey}`);
  if (region !== FAKE_LEX_REGION || service !== 'lex') problems.push(`signed for ${region}/${service}, not lex`);
  const signed = signedHeaders.split(';');
  // Over HTTP/2 the host is the :authority pseudo-header, and the SDK signs it under that name.
  if (!(signed.includes(':authority') || signed.includes('host')) || !signed.includes('x-amz-date'))
    problems.push('the host and x-amz-date are not signed');
  if (signature !== expectedSignature(method, path, headers, signed, body, { date, region, service }))
    problems.push('the signature does not match the request');
  return problems;
}

function lexSlot(value: SlotValue) {
  return { shape: 'Scalar', value };
}

/** A RecognizeText response as Lex writes it for our bot: the intent's unfilled slots null, the fallback intent second. */
function responseBody(request: LexRequest, answer: Extract<LexAnswer, { intent: string }>) {
  const declared = INTENTS.find((i) => i.name === answer.intent)?.slots ?? [];
  const unfilled = Object.fromEntries(declared.map((name) => [name, null]));
  const slots = Object.fromEntries(Object.entries(answer.slots ?? {}).map(([name, v]) => [name, lexSlot(v)]));
  const intent = {
    name: answer.intent,
    slots: { ...unfilled, ...slots },
    state: answer.intent === 'FallbackIntent' ? 'ReadyForFulfillment' : 'InProgress',
    confirmationState: answer.confirmation ?? 'None',
  };
  const interpretations =
    answer.intent === 'FallbackIntent'
      ? [{ intent, interpretationSource: 'Lex' }]
      : [
          { intent, nluConfidence: { score: answer.score ?? 0.9 }, interpretationSource: 'Lex' },
          { intent: { name: 'FallbackIntent', slots: {} }, interpretationSource: 'Lex' },
        ];
  return {
    messages: [],
    sessionState: {
      dialogAction: { type: 'Close' },
      intent,
      sessionAttributes: request.sessionState?.sessionAttributes ?? {},
      originatingRequestId: randomUUID(),
    },
    interpretations,
    requestAttributes: request.requestAttributes ?? {},
    sessionId: request.sessionId,
  };
}

export class FakeLex {
  readonly requests: LexRequest[] = [];
  private readonly answers = new Map<string, LexAnswer>();
  private readonly sessions = new Set<http2.ServerHttp2Session>();

  private constructor(
    private readonly server: http2.Http2Server,
    readonly url: string,
  ) {
    server.on('session', (session) => {
      this.sessions.add(session);
      session.on('close', () => this.sessions.delete(session));
    });
  }

  static async start(): Promise<FakeLex> {
    const server = http2.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeLex(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('stream', (stream, headers) => fake.handle(stream, headers));
    return fake;
  }

  /** What Lex answers to this text (in any locale); text nobody scripted gets the fallback intent. */
  answer(text: string, answer: LexAnswer): this {
    this.answers.set(text, answer);
    return this;
  }

  /** The texts that reached Lex, in order. */
  texts(): string[] {
    return this.requests.map((r) => r.text);
  }

  reset(): void {
    this.requests.length = 0;
    this.answers.clear();
  }

  async close(): Promise<void> {
    for (const session of this.sessions) session.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const method = String(headers[':method']);
      const path = String(headers[':path']);
      const request = this.parse(method, path, headers, body);
      this.requests.push(request);
      if (request.problems.length > 0) {
        this.send(stream, 400, { message: request.problems.join('; ') }, 'ValidationException');
        return;
      }
      const answer = this.answers.get(request.text) ?? { intent: 'FallbackIntent' };
      if ('stallMs' in answer) {
        const timer = setTimeout(
          () => this.send(stream, 200, responseBody(request, { intent: 'FallbackIntent' })),
          answer.stallMs,
        );
        stream.on('close', () => clearTimeout(timer));
      } else if ('error' in answer) this.send(stream, answer.status, { message: answer.error }, answer.error);
      else this.send(stream, 200, responseBody(request, answer));
    });
  }

  private parse(method: string, path: string, headers: http2.IncomingHttpHeaders, body: string): LexRequest {
    const [, botId = '', botAliasId = '', localeId = '', sessionId = ''] = PATH.exec(path) ?? [];
    let json: Partial<LexRequest> = {};
    const problems: string[] = [];
    try {
      json = JSON.parse(body);
    } catch {
      problems.push('the body is not JSON');
    }
    if (method !== 'POST' || !botId) problems.push(`not RecognizeText: ${method} ${path}`);
    if (botId !== FAKE_LEX_BOT.botId || botAliasId !== FAKE_LEX_BOT.botAliasId) problems.push('unknown bot or alias');
    if (!['en_US', 'es_419'].includes(localeId)) problems.push(`no locale ${localeId}`);
    if (!SESSION_ID.test(decodeURIComponent(sessionId))) problems.push(`session id ${sessionId} breaks Lex's rules`);
    if (typeof json.text !== 'string' || json.text.length < 1 || json.text.length > 1024)
      problems.push('text must be 1-1024 characters');
    if (!String(headers['content-type']).startsWith('application/json')) problems.push('not sent as JSON');
    problems.push(...signatureProblems(method, path, headers, body));
    const { text = '', sessionState, requestAttributes } = json;
    return {
      botId,
      botAliasId,
      localeId,
      sessionId: decodeURIComponent(sessionId),
      text,
      sessionState,
      requestAttributes,
      problems,
    };
  }

  private send(stream: http2.ServerHttp2Stream, status: number, body: object, errorType?: string): void {
    if (stream.destroyed || stream.closed) return;
    stream.respond({
      ':status': status,
      'content-type': 'application/json',
      'x-amzn-requestid': randomUUID(),
      ...(errorType
        ? { 'x-amzn-errortype': `${errorType}:http://internal.amazon.com/coral/com.amazonaws.lexruntimev2/` }
        : {}),
    });
    stream.end(JSON.stringify(body));
  }
}
