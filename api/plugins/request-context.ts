import { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import { requestLogger } from '../../core/logger';
import { requestIdFrom, runWithRequestId } from '../../core/request-context';

/**
 * Fastify options for the request id: kept from `X-Request-Id` when it looks like one (API
 * Gateway's id arrives there through @fastify/aws-lambda), else a fresh UUID, and logged as
 * `requestId` like every other line (core/logger.ts).
 */
export const requestIdOptions = {
  requestIdHeader: false,
  logController: new LogController({ requestIdLogLabel: 'requestId' }),
  genReqId: (req) => requestIdFrom(req.headers['x-request-id']),
  childLoggerFactory: requestLogger as unknown as FastifyServerOptions['childLoggerFactory'],
} satisfies FastifyServerOptions;

/**
 * Runs each request under its id, so that the log lines, outbox rows and jobs it causes carry it.
 * Entered again before the handler: body parsing resumes from the socket's events, outside the
 * context the first hook entered.
 */
export function carryRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    // Said back, so a caller (or a test) can find the request's lines in the logs.
    reply.header('x-request-id', request.id);
    runWithRequestId(request.id, done);
  });
  app.addHook('preHandler', (request, _reply, done) => runWithRequestId(request.id, done));
}
