import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { BookingError, type BookingErrorCode } from '../../booking/errors';
import type { ErrorReply } from '../schemas/error-reply';

/**
 * The status of each domain error. A stale version and a refused transition are both conflicts
 * with the appointment as it is now: reading it again and asking anew can succeed. A message to
 * someone who opted out conflicts with their choice: it may go once they text START.
 */
const STATUS_BY_CODE: Record<BookingErrorCode, number> = {
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  INVALID_TRANSITION: 409,
  INVALID_REQUEST: 400,
  RECIPIENT_OPTED_OUT: 409,
};

/**
 * The one place HTTP translates errors, for every route: domain errors by code, a request that
 * failed its schema as 400 naming the field, Fastify's own 4xx as they are, and anything else as
 * a 500 whose details go to the log only. Handlers throw; none picks an error status itself.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const send = (status: number, body: Static<typeof ErrorReply>) => reply.code(status).send(body);
  if (error instanceof BookingError) {
    return send(STATUS_BY_CODE[error.code], { error: error.code, message: error.message });
  }
  if (error.validation) {
    return send(400, { error: 'BAD_REQUEST', message: error.message, field: invalidField(error) });
  }
  if (error.statusCode && error.statusCode < 500) {
    return send(error.statusCode, { error: error.code ?? 'BAD_REQUEST', message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return send(500, { error: 'INTERNAL', message: 'Something went wrong on our side.' });
}

/** `body.MessageSid` for a bad or missing MessageSid: where in the request the first problem is. */
function invalidField(error: FastifyError): string | undefined {
  const [first] = error.validation ?? [];
  if (!first) return undefined;
  const path = first.instancePath.split('/').filter(Boolean);
  if (typeof first.params.missingProperty === 'string') path.push(first.params.missingProperty);
  return [error.validationContext, ...path].filter(Boolean).join('.');
}
