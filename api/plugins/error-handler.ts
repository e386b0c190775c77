import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BookingError } from '../../booking/errors';

const STATUS_BY_CODE: Record<string, number> = {
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  INVALID_TRANSITION: 409,
  SLOT_UNAVAILABLE: 409,
  INVALID_REQUEST: 400,
};

/** The one place HTTP translates errors: domain codes to statuses, and no 5xx details leak. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const domain: unknown = error;
  if (domain instanceof BookingError) {
    return reply
      .code(STATUS_BY_CODE[domain.code] ?? 400)
      .send({ error: domain.code, message: domain.message, ...domain.details });
  }
  if (error.validation) {
    return reply.code(400).send({ error: 'BAD_REQUEST', message: error.message, field: fieldOf(error) });
  }
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'INTERNAL', message: 'Something went wrong on our side.' });
  }
  return reply.code(status).send({ error: error.code ?? 'BAD_REQUEST', message: error.message });
}

/** Where the first problem is, the way the message names it: `body/email`, `querystring/from`. */
function fieldOf(error: FastifyError): string {
  const first = error.validation?.[0];
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  return `${error.validationContext ?? 'body'}${first?.instancePath ?? ''}${missing ? `/${missing}` : ''}`;
}
