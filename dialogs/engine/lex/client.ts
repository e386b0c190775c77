import type {
  LexRuntimeV2ClientConfig,
  RecognizeTextCommandInput,
  RecognizeTextCommandOutput,
} from '@aws-sdk/client-lex-runtime-v2';

/**
 * The Lex V2 runtime client as production uses it. The SDK sends RecognizeText over HTTP/2
 * (its NodeHttp2Handler) and, left alone, never times out: `requestHandler` options configure that
 * same handler with a per-attempt limit, and each turn also has a deadline over all attempts, so a
 * slow Lex costs a customer a couple of seconds at most, well inside Twilio's 15 s.
 */

export interface LexClientOptions {
  region: string;
  /** Somewhere other than runtime-v2-lex.{region}.amazonaws.com (the tests' stub). */
  endpoint?: string;
  /** Tests only; in AWS the SDK's default chain finds the role's credentials. */
  credentials?: LexRuntimeV2ClientConfig['credentials'];
  /** Attempts per turn, the first included; the SDK retries throttling and 5xx with backoff. */
  maxAttempts: number;
  /** An attempt whose stream is idle this long fails. */
  attemptTimeoutMs: number;
  /** All attempts of one turn together. */
  deadlineMs: number;
}

/** The NodeHttp2Handler options the client builds its handler from. */
interface Http2HandlerOptions {
  requestTimeout: number;
  /** A session per request, the SDK's own default: no connection outlives its call. */
  disableConcurrentStreams: boolean;
}

export type RecognizeText = (input: RecognizeTextCommandInput) => Promise<RecognizeTextCommandOutput>;

/**
 * The SDK is loaded with the first turn that asks Lex, not with the process: most turns stay
 * local, and a Lambda cold start that parses and runs the AWS SDK for nothing answers later.
 */
export function createRecognizeText(options: LexClientOptions): RecognizeText {
  const requestHandler: Http2HandlerOptions = {
    requestTimeout: options.attemptTimeoutMs,
    disableConcurrentStreams: true,
  };
  const load = async () => {
    const { LexRuntimeV2Client, RecognizeTextCommand } = await import('@aws-sdk/client-lex-runtime-v2');
    const client = new LexRuntimeV2Client({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      maxAttempts: options.maxAttempts,
      requestHandler: { ...requestHandler },
    });
    return { client, RecognizeTextCommand };
  };
  let loaded: ReturnType<typeof load> | undefined;
  return async (input) => {
    loaded ??= load();
    const { client, RecognizeTextCommand } = await loaded;
    return client.send(new RecognizeTextCommand(input), { abortSignal: AbortSignal.timeout(options.deadlineMs) });
  };
}
