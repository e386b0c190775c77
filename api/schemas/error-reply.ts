import { Type } from 'typebox';

/**
 * What every failed request answers (api/plugins/error-handler.ts builds it). Routes list it
 * under each error status they can answer, so the reply is checked like any other.
 */
export const ErrorReply = Type.Object({
  /** Stable and machine-readable: NOT_FOUND, STALE_VERSION, INVALID_TRANSITION, INVALID_REQUEST, RECIPIENT_OPTED_OUT, BAD_REQUEST, INTERNAL… */
  error: Type.String(),
  message: Type.String(),
  /** For a request that failed its schema: the field at fault, e.g. `body.MessageSid`. */
  field: Type.Optional(Type.String()),
});
