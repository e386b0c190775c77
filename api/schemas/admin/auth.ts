import { Type } from 'typebox';
import { Instant, LocalDate, Locale, Uuid } from './primitives';

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

export const Me = Type.Object({
  email: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('front_desk')]),
  business: Type.Object({
    id: Uuid,
    name: Type.String(),
    timezone: Type.String(),
    locale: Locale,
    locales: Type.Array(Locale),
  }),
  now: Instant,
  today: LocalDate,
  /** Send it back in `x-csrf-token` with every request that changes something. */
  csrfToken: Type.String(),
});
