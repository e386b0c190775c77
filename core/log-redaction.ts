import { stdSerializers } from 'pino';

/**
 * What a log line may not carry. Secrets never, whatever the settings: keys that name one, and a
 * password inside a connection URL. Personal data by default (LOG_PERSONAL_DATA=show keeps it, for
 * local debugging only): keys that hold a message's text, a person's name, address or phone (a
 * database error's copy of the row that held them too), and any E.164 number anywhere in a string
 * (an error's message included), of which the last two digits are kept so two numbers can still
 * be told apart.
 */

const SECRET_KEYS = new Set(
  [
    'password',
    'authtoken',
    'token',
    'secret',
    'sessionsecret',
    'authorization',
    'cookie',
    'set-cookie',
    'x-twilio-signature',
    'apikey',
    'databaseurl',
    'redisurl',
  ].map((k) => k.toLowerCase()),
);

const PERSONAL_KEYS = new Set(
  [
    'body',
    'text',
    'reply',
    'name',
    'customername',
    'profilename',
    'address',
    'email',
    'notes',
    'vehicle',
    'details',
    // A Postgres error's: the refused row's values ("Failing row contains (…)", "Key (phone)=(…)").
    'detail',
    'latitude',
    'longitude',
    'label',
    'waid',
    'mediaurl0',
  ].map((k) => k.toLowerCase()),
);

const PHONE = /\+\d{5,13}(\d{2})/g;
/** A phone written without its +, as a carrier's or a library's message may ("5551234567"); ports and counts are shorter. */
const BARE_PHONE = /(?<![\w+.…-])\d{8,13}(\d{2})(?![\w.-])/g;
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/?#@\s]*:)[^@/\s]+@/gi;
const QUERY = /\?.*$/;

export interface RedactionOptions {
  personalData: 'hide' | 'show';
}

const MAX_DEPTH = 8;

export interface Redactor {
  /** A log line's fields. */
  value(value: unknown): unknown;
  /** A log line's message. */
  text(text: string): string;
}

export function redactor(options: RedactionOptions): Redactor {
  const hide = options.personalData === 'hide';
  const text = (s: string) => {
    const masked = s.replace(URL_PASSWORD, '$1[redacted]@');
    return hide ? masked.replace(PHONE, '+…$1').replace(BARE_PHONE, '…$1') : masked;
  };
  const walk = (value: unknown, key: string, depth: number): unknown => {
    const lower = key.toLowerCase();
    if (SECRET_KEYS.has(lower)) return '[redacted]';
    if (hide && PERSONAL_KEYS.has(lower) && value !== null && value !== undefined) return '[redacted]';
    if (typeof value === 'string') return lower === 'url' ? text(value.replace(QUERY, '?…')) : text(value);
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    if (value instanceof Error) return walk(stdSerializers.err(value), key, depth + 1);
    if (Array.isArray(value)) return value.map((v) => walk(v, key, depth + 1));
    if (!isPlain(value)) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, k, depth + 1);
    return out;
  };
  return { value: (value) => walk(value, '', 0), text };
}

/**
 * Data objects (literals, serialised errors) are walked; instances of a class (Fastify's request
 * and reply) are left to pino's serializers, which log only a few safe fields of them.
 */
function isPlain(value: object): boolean {
  return Object.getPrototypeOf(value) === null || value.constructor === Object;
}
