import { Type } from 'typebox';

const DependencyState = Type.Enum(['ok', 'unavailable']);

/** GET /health: every dependency ok, or which of them is not. */
export const HealthSchema = {
  response: {
    200: Type.Object({
      status: Type.Literal('ok'),
      database: Type.Literal('ok'),
      redis: Type.Literal('ok'),
      businesses: Type.Integer(),
    }),
    503: Type.Object({
      status: Type.Literal('unavailable'),
      database: DependencyState,
      redis: DependencyState,
      reason: Type.String(),
    }),
  },
};
