import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The request id a webhook was given, carried through everything it causes: every log line
 * written while it is handled (core/logger.ts reads it), the outbox rows it writes, the jobs made
 * from them and the jobs those jobs add, so one customer message can be followed from its webhook
 * to the reminder sent days later.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `fn` (and whatever it starts) under this request id; under none when it is undefined. */
export function runWithRequestId<T>(requestId: string | undefined, fn: () => T): T {
  return requestId === undefined ? storage.exit(fn) : storage.run({ requestId }, fn);
}

/** Job data or an outbox payload with the current request id, when there is one. */
export function withRequestId<T extends object>(data: T): T {
  const requestId = currentRequestId();
  return requestId === undefined || 'requestId' in data ? data : { ...data, requestId };
}

/**
 * An id from an upstream hop (API Gateway's request id, an `X-Request-Id` header) is kept when it
 * looks like one, so the load balancer's and our logs meet; anything else gets a fresh UUID. The
 * shape check keeps a caller from writing arbitrary text into every log line.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[A-Za-z0-9._=-]{8,64}$/.test(header) ? header : randomUUID();
}
