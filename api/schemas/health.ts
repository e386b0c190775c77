import { Type } from 'typebox';
import { ErrorReply } from './error-reply';

const DependencyState = Type.Enum(['ok', 'unavailable']);

/** GET /health: the process answers (liveness; no dependency is asked). */
export const LivenessSchema = {
  response: { 200: Type.Object({ status: Type.Literal('ok') }), 429: ErrorReply },
};

const Readiness = Type.Object({
  status: Type.Enum(['ready', 'degraded', 'unavailable']),
  database: DependencyState,
  migrations: Type.Enum(['current', 'pending', 'unknown']),
  redis: DependencyState,
});

/** GET /ready: whether this instance should get traffic, and which dependency says not. */
export const ReadinessSchema = {
  response: { 200: Readiness, 429: ErrorReply, 503: Readiness },
};
