import pino, { type DestinationStream, type Logger, stdSerializers } from 'pino';
import type { Config } from './config';
import { redactor } from './log-redaction';
import { currentRequestId } from './request-context';

export type { Logger };

/** Set on the loggers Fastify makes per request, which already carry the request id as a binding. */
const BOUND_REQUEST_ID = Symbol('textbook.boundRequestId');

/**
 * JSON lines on stdout (CloudWatch's metric filters read them, core/metrics-report.ts). Every
 * line written while a request or a job it caused is handled carries its `requestId`; secrets are
 * always removed and personal data by default (core/log-redaction.ts), the request's query string
 * too (the ICS feed's token travels in it).
 */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'logPersonalData'>,
  destination?: DestinationStream,
): Logger {
  const redact = redactor({ personalData: config.logPersonalData });
  return pino(
    {
      level: config.logLevel,
      mixin(_object, _level, logger) {
        if ((logger as unknown as Record<symbol, boolean>)[BOUND_REQUEST_ID]) return {};
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      hooks: {
        logMethod(args, write) {
          const masked = args.map((a) => (typeof a === 'string' ? redact.text(a) : a)) as typeof args;
          write.apply(this, masked);
        },
      },
      formatters: { log: (object) => redact.value(object) as Record<string, unknown> },
      serializers: {
        err: (error: unknown) => (error instanceof Error ? redact.value(stdSerializers.err(error)) : error),
        req: (req: { method: string; url: string }) => redact.value({ method: req.method, url: req.url }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    destination,
  );
}

/**
 * Fastify's `childLoggerFactory`: the request's logger, with its id as a binding, marked so that
 * the mixin does not add it a second time.
 */
export function requestLogger(logger: Logger, bindings: pino.Bindings, options: pino.ChildLoggerOptions): Logger {
  const child = logger.child(bindings, options);
  (child as unknown as Record<symbol, boolean>)[BOUND_REQUEST_ID] = true;
  return child;
}
