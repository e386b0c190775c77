/**
 * Why Lex did not answer a turn (the local engine answered it instead), from the SDK's error:
 * the service's errors carry the HTTP status and the type from `x-amzn-errortype`, a network
 * failure has neither.
 */

export const FALLBACK_REASONS = [
  'throttled',
  'timeout',
  'unavailable',
  'unreachable',
  'refused',
  'low_confidence',
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

interface SdkError {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

const TIMEOUTS = new Set(['TimeoutError', 'AbortError', 'RequestTimeout']);
const UNAVAILABLE = new Set(['InternalServerException', 'BadGatewayException', 'DependencyFailedException']);

export function reasonOf(error: unknown): FallbackReason {
  const e = (error ?? {}) as SdkError;
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'ThrottlingException' || status === 429) return 'throttled';
  if ((e.name && TIMEOUTS.has(e.name)) || e.code === 'ETIMEDOUT') return 'timeout';
  if ((e.name && UNAVAILABLE.has(e.name)) || (status !== undefined && status >= 500)) return 'unavailable';
  if (status === undefined) return 'unreachable';
  return 'refused';
}

/** What the log may say of a failure: the SDK's request id and status, never the message. */
export function failureFacts(error: unknown): Record<string, string | number | undefined> {
  const e = (error ?? {}) as SdkError;
  return {
    errorName: e.name,
    status: e.$metadata?.httpStatusCode,
    lexRequestId: e.$metadata?.requestId,
    attempts: e.$metadata?.attempts,
  };
}
