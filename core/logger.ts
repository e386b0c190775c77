import pino, { type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/** Paths that may carry secrets or message contents of a third party; never written to logs. */
const REDACT = [
  'password',
  '*.password',
  'authToken',
  '*.authToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-twilio-signature"]',
];

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact: { paths: REDACT, censor: '[redacted]' } });
}
