import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads the environment. Entry points call loadConfig once and pass the
 * frozen result down; a bad value stops start-up with the variable's name and what it expected.
 */

export const DEV_TWILIO_AUTH_TOKEN = 'dev-twilio-auth-token';
const DEV_SESSION_SECRET = 'dev-admin-session-secret-not-for-production';
const DEV_TWILIO_ACCOUNT_SID = 'AC00000000000000000000000000000000';

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `expected a URL starting with ${protocols.join(' or ')}//` },
  );

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a whole number' })
    .int('expected a whole number')
    .positive('expected a number above 0')
    .default(fallback);

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'expected development, test or production' })
    .default('development'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/textbook'),
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, _ or -')
    .optional(),
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int()
    .min(0)
    .max(65535, 'expected a port number')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_BASE_URL: url(['http:', 'https:'])
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, '')),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'expected AC followed by 32 hex digits')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8, 'expected at least 8 characters').optional(),
  TWILIO_API_URL: url(['http:', 'https:']).optional(),
  LEX_REGION: z
    .string()
    .regex(/^[a-z]{2}-[a-z]+-\d$/, 'expected an AWS region such as us-east-1')
    .optional(),
  LEX_BOT_ID: z
    .string()
    .regex(/^[0-9A-Z]{10}$/, 'expected a 10-character Lex bot id')
    .optional(),
  LEX_BOT_ALIAS_ID: z
    .string()
    .regex(/^[0-9A-Z]{10}$/, 'expected a 10-character Lex bot alias id')
    .optional(),
  LEX_ENDPOINT: url(['http:', 'https:']).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'expected fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  DIALOG_IDLE_MINUTES: positiveInt(30),
  INBOUND_LIMIT_PER_WINDOW: positiveInt(30),
  INBOUND_WINDOW_SECONDS: positiveInt(600),
  SEED_DEMO: z.enum(['auto', 'never'], { message: 'expected auto or never' }).default('auto'),
  SESSION_SECRET: z.string().min(32, 'expected at least 32 characters').default(DEV_SESSION_SECRET),
  ADMIN_SESSION_HOURS: positiveInt(12),
  LOG_PERSONAL_DATA: z.enum(['hide', 'show'], { message: 'expected hide or show' }).default('hide'),
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(20),
  REDIS_PASSWORD: z.string().min(1).optional(),
  DATABASE_SECRET: z.string().optional(),
  INBOUND_SPOOL_DIR: z.string().min(1).default(join(tmpdir(), 'textbook-inbound-spool')),
  TRUST_PROXY: z
    .string()
    .transform((value, ctx) => {
      const setting = trustProxySetting(value);
      if (setting === null)
        ctx.addIssue({
          code: 'custom',
          message:
            'expected a hop count, or proxy addresses and CIDR ranges (loopback, linklocal, uniquelocal) separated by commas',
        });
      return setting ?? false;
    })
    .optional(),
});

/** Secrets Manager's JSON for an RDS database (what CDK's generated credentials hold). */
const databaseSecret = z.object({
  username: z.string().min(1),
  password: z.string().min(1),
  host: z.string().min(1),
  port: z.coerce.number().int().positive(),
  dbname: z.string().min(1),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly isProduction: boolean;
  readonly databaseUrl: string;
  readonly databasePoolSize: number;
  readonly redisUrl: string;
  /** REDIS_PREFIX when set; else the runtime derives one from the database (core/deployment.ts). */
  readonly redisPrefix?: string;
  readonly port: number;
  readonly host: string;
  readonly publicBaseUrl: string;
  readonly twilio: {
    readonly accountSid: string;
    readonly authToken: string;
    /** False when running offline: outbound messages are recorded and printed, not sent. */
    readonly canSend: boolean;
    readonly apiUrl?: string;
  };
  readonly lex?: {
    readonly region: string;
    readonly botId: string;
    readonly botAliasId: string;
    readonly endpoint?: string;
  };
  readonly logLevel: Env['LOG_LEVEL'];
  /** `show` writes phones and message texts to the logs (local debugging only; refused in production). */
  readonly logPersonalData: Env['LOG_PERSONAL_DATA'];
  /** Bearer token `/metrics` asks for; without one `/metrics` is not served at all. */
  readonly metricsToken?: string;
  /** How long a stopping process waits for the work in hand before it exits anyway. */
  readonly shutdownTimeoutMs: number;
  /** Redis AUTH (ElastiCache's auth token), kept out of REDIS_URL so the URL can be logged and shown. */
  readonly redisPassword?: string;
  readonly dialogIdleMinutes: number;
  readonly inboundLimit: { readonly perWindow: number; readonly windowSeconds: number };
  readonly seedDemo: boolean;
  readonly admin: {
    /** Signs the admin session cookie (the session itself lives in Postgres). */
    readonly sessionSecret: string;
    /** A login lasts this long, then the admin signs in again. */
    readonly sessionHours: number;
  };
  /**
   * Whose `X-Forwarded-For` to believe: nobody's (false, the default: the address is the peer's),
   * the proxies at these addresses or ranges, or this many hops in front of the app.
   */
  readonly trustProxy: TrustProxy;
  /**
   * Where inbound messages wait on disk when neither Postgres nor Redis can take them
   * (bot/inbound-spool.ts): a directory that outlives the process (a volume, not the container's
   * layer) and that a restarted process of this deployment finds again.
   */
  readonly inboundSpoolDir: string;
}

export type TrustProxy = false | number | readonly string[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" in most .env files and CI settings.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const isProduction = env.NODE_ENV === 'production';

  const lexKeys = [env.LEX_REGION, env.LEX_BOT_ID, env.LEX_BOT_ALIAS_ID];
  if (lexKeys.some(Boolean) && !lexKeys.every(Boolean)) {
    problems.push('LEX_REGION, LEX_BOT_ID, LEX_BOT_ALIAS_ID: expected all three together, or none');
  }
  // The development token is printed in this repository: anyone could sign webhooks with it, so
  // it only serves a server that nothing outside this machine can reach.
  if ((!env.TWILIO_AUTH_TOKEN || env.TWILIO_AUTH_TOKEN === DEV_TWILIO_AUTH_TOKEN) && !isLoopback(env.HOST)) {
    problems.push(
      `TWILIO_AUTH_TOKEN: expected a token of your own to listen on HOST=${env.HOST} (the development token is public and only serves 127.0.0.1)`,
    );
  }
  let databaseUrl = env.DATABASE_URL;
  if (env.DATABASE_SECRET) {
    const secret = parseDatabaseSecret(env.DATABASE_SECRET);
    if ('problem' in secret) problems.push(`DATABASE_SECRET: ${secret.problem}`);
    else databaseUrl = secret.url;
  }
  if (isProduction) {
    if (env.LOG_PERSONAL_DATA === 'show') problems.push('LOG_PERSONAL_DATA: expected hide in production');
    if (!env.TWILIO_AUTH_TOKEN || env.TWILIO_AUTH_TOKEN === DEV_TWILIO_AUTH_TOKEN) {
      problems.push(
        'TWILIO_AUTH_TOKEN: expected the real auth token in production (the development default is refused)',
      );
    }
    if (!env.TWILIO_ACCOUNT_SID) problems.push('TWILIO_ACCOUNT_SID: expected the account SID in production');
    if (!/^https:/.test(env.PUBLIC_BASE_URL)) problems.push('PUBLIC_BASE_URL: expected an https:// URL in production');
    if (env.SESSION_SECRET === DEV_SESSION_SECRET)
      problems.push('SESSION_SECRET: expected a secret of your own in production (the development default is refused)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config: Config = {
    env: env.NODE_ENV,
    isProduction,
    databaseUrl,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    port: env.PORT,
    host: env.HOST,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    twilio: {
      accountSid: env.TWILIO_ACCOUNT_SID ?? DEV_TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN ?? DEV_TWILIO_AUTH_TOKEN,
      canSend: Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN),
      apiUrl: env.TWILIO_API_URL,
    },
    lex:
      env.LEX_REGION && env.LEX_BOT_ID && env.LEX_BOT_ALIAS_ID
        ? {
            region: env.LEX_REGION,
            botId: env.LEX_BOT_ID,
            botAliasId: env.LEX_BOT_ALIAS_ID,
            endpoint: env.LEX_ENDPOINT,
          }
        : undefined,
    logLevel: env.LOG_LEVEL,
    logPersonalData: env.LOG_PERSONAL_DATA,
    metricsToken: env.METRICS_TOKEN,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    redisPassword: env.REDIS_PASSWORD,
    dialogIdleMinutes: env.DIALOG_IDLE_MINUTES,
    inboundLimit: { perWindow: env.INBOUND_LIMIT_PER_WINDOW, windowSeconds: env.INBOUND_WINDOW_SECONDS },
    seedDemo: env.SEED_DEMO === 'auto' && !isProduction,
    admin: { sessionSecret: env.SESSION_SECRET, sessionHours: env.ADMIN_SESSION_HOURS },
    trustProxy: env.TRUST_PROXY ?? false,
    inboundSpoolDir: env.INBOUND_SPOOL_DIR,
  };
  return deepFreeze(config);
}

/**
 * The database as RDS's secret describes it, over TLS with the server's certificate checked (the
 * image and the Lambda runtime trust the RDS certificate authorities: NODE_EXTRA_CA_CERTS).
 * What is wrong is said without the secret's contents.
 */
function parseDatabaseSecret(text: string): { url: string } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'expected the JSON of an RDS secret' };
  }
  const parsed = databaseSecret.safeParse(json);
  if (!parsed.success)
    return { problem: `expected ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')} in the secret` };
  const { username, password, host, port, dbname } = parsed.data;
  const url = new URL(`postgres://${host}:${port}`);
  url.username = encodeURIComponent(username);
  url.password = encodeURIComponent(password);
  url.pathname = `/${encodeURIComponent(dbname)}`;
  url.searchParams.set('sslmode', 'verify-full');
  return { url: url.toString() };
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: `2` (hops), or `10.0.0.0/8, 192.168.1.10` (proxies); null when it is neither. */
function trustProxySetting(value: string): TrustProxy | null {
  if (/^\d+$/.test(value)) return Number(value) > 0 ? Number(value) : null;
  const entries = value.split(',').map((entry) => entry.trim());
  const valid = entries.every((entry) => {
    if (NAMED_RANGES.has(entry)) return true;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return valid ? entries : null;
}

/** Whether a listen address is reachable from this machine only. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
