import { Type } from 'typebox';
import { PerLocale, Version } from './primitives';

/**
 * The shapes only; the business file's own rules (durations above 0, "08:00-17:00" ranges, a
 * name in the business's language) are checked by the catalog editor, with the field's place.
 */
const serviceFields = {
  version: Version,
  names: PerLocale(Type.String()),
  synonyms: Type.Optional(PerLocale(Type.Array(Type.String()))),
  durationMinutes: Type.Number(),
  bufferMinutes: Type.Optional(Type.Number()),
  price: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  active: Type.Optional(Type.Boolean()),
};

export const ServiceBody = Type.Object(serviceFields, { additionalProperties: false });
export const NewServiceBody = Type.Object({ ...serviceFields, key: Type.String() }, { additionalProperties: false });
/**
 * Any day name gets through to the business file's rules, which name an unknown one: with
 * additionalProperties false, Fastify would drop "funday" silently and close every day.
 */
export const HoursBody = Type.Object(
  { version: Version, hours: Type.Record(Type.String(), Type.Array(Type.String())) },
  { additionalProperties: false },
);
