import { Type } from 'typebox';
import { LocalDate, Uuid } from './primitives';

export const RangeQuery = Type.Object(
  { from: LocalDate, to: Type.Optional(LocalDate) },
  { additionalProperties: false },
);

const count = Type.Integer({ minimum: 0 });

export const StatsView = Type.Object({
  from: LocalDate,
  to: LocalDate,
  total: count,
  byStatus: Type.Object({
    pending_approval: count,
    booked: count,
    confirmed: count,
    in_progress: count,
    completed: count,
    cancelled: count,
    no_show: count,
  }),
  estimatedRevenueCents: count,
  perDay: Type.Array(Type.Object({ date: LocalDate, visits: count })),
  busiestHours: Type.Array(Type.Object({ hour: Type.Integer({ minimum: 0, maximum: 23 }), visits: count })),
});

export const FeedLinks = Type.Object({
  feeds: Type.Array(Type.Object({ staffId: Type.Union([Uuid, Type.Null()]), name: Type.String(), url: Type.String() })),
});

export const RotateBody = Type.Object({ staffId: Type.Union([Uuid, Type.Null()]) }, { additionalProperties: false });

/** Loose on purpose: a malformed token is answered like an unknown one (404), telling nothing. */
export const FeedParams = Type.Object({ file: Type.String({ maxLength: 100 }) });

/** Text replies (sent as they are: Fastify serializes only JSON). */
export const CsvText = Type.String({ description: 'text/csv; charset=utf-8, with a byte-order mark' });
export const IcsText = Type.String({ description: 'text/calendar; charset=utf-8 (RFC 5545)' });
