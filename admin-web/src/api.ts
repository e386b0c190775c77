/** What the server answered instead of what was asked: the page shows `message` and, for 409, what is current. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      error: string;
      message: string;
      field?: string;
      current?: unknown;
      reason?: string;
      alternatives?: unknown[];
      conflicts?: unknown[];
    },
  ) {
    super(body.message);
  }
}

let csrfToken: string | null = null;
let onSignedOut: () => void = () => {};

/** The token the session gave: sent with every change. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/**
 * JSON over fetch to /api/admin. The session cookie goes by itself (same origin); a change also
 * sends the CSRF token. A 401 means the session ended: the page goes back to signing in.
 */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/admin${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { error: 'OFFLINE', message: 'offline' });
  }
  const text = await response.text();
  const parsed = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
  if (response.status === 401 && path !== '/login') onSignedOut();
  if (!response.ok)
    throw new ApiError(response.status, parsed ?? { error: 'HTTP', message: `HTTP ${response.status}` });
  return parsed as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** A query string from the values that are set. */
export function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  return params.toString();
}
