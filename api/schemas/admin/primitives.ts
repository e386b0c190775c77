import { Type } from 'typebox';
import { ErrorReply } from '../error-reply';
import { LOCALES } from '../../../core/locale';
import { APPOINTMENT_STATUSES } from '../../../booking/statuses';

/** The pieces every admin schema is built of. */

export const Uuid = Type.String({ format: 'uuid' });

/** An instant: ISO 8601 with its offset in requests; a Date serialized as ISO in replies. */
export const Instant = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
export const InstantIn = Type.String({ format: 'date-time' });

/** A local date where the business is, YYYY-MM-DD. */
export const LocalDate = Type.String({ format: 'date' });

export const Phone = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164, like +15550100001' });

export const Status = Type.Enum(APPOINTMENT_STATUSES);
export const Kind = Type.Enum(['visit', 'block'] as const);
export const Channel = Type.Enum(['sms', 'whatsapp'] as const);
export const Locale = Type.Enum(LOCALES);

export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** The version a change starts from (optimistic concurrency). */
export const Version = Type.Integer({ minimum: 1 });

export const IdParams = Type.Object({ id: Uuid });

export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const NullableUuid = Type.Union([Uuid, Type.Null()]);
export const NullableInstant = Type.Union([Instant, Type.Null()]);

/** Something said in each language the business speaks. */
export const PerLocale = <T extends Parameters<typeof Type.Optional>[0]>(value: T) =>
  Type.Object({ en: Type.Optional(value), es: Type.Optional(value) }, { additionalProperties: false });

/**
 * The error replies an admin route can give: bad input (400), no session (401), no CSRF token
 * (403), not in this business (404), a conflict with the calendar or catalog as it is now (409),
 * too many sign-in attempts (429). Spread into each route's `response`.
 */
export const AdminErrors = {
  400: ErrorReply,
  401: ErrorReply,
  403: ErrorReply,
  404: ErrorReply,
  409: ErrorReply,
  429: ErrorReply,
} as const;
