import { z } from 'zod';
import type { Logger } from '../../core/logger';
import type { ConversationRow } from '../../booking/db/entities/conversation';
import { EXPECTATIONS, GRAINS } from '../../dialogs/engine/types';
import { type DialogState, freshState } from './state';

/**
 * The dialog state as a conversation row may hold it. A key missing from an older row takes its
 * value in `freshState()` (rows written before a field existed stay readable); a value of the
 * wrong shape makes the whole state unreadable: a turn built on half a state would answer nonsense.
 */
const Instant = z.iso.datetime({ offset: true });
const HeldSlot = z.object({ start: Instant, staffId: z.guid() });

// Every field of DialogState, and no other: a field added there without its schema here does not
// compile, instead of being dropped from every stored state.
const STATE_FIELDS = {
  intent: z.enum(['Book', 'Reschedule', 'Cancel']).nullable().default(null),
  serviceKey: z.string().nullable().default(null),
  staffKey: z.string().nullable().default(null),
  when: z
    .object({ start: Instant, end: Instant, grain: z.enum(GRAINS) })
    .nullable()
    .default(null),
  asked: z.enum(EXPECTATIONS).nullable().default(null),
  offered: z.array(HeldSlot).default(() => []),
  picks: z.array(z.guid()).default(() => []),
  proposal: HeldSlot.nullable().default(null),
  target: z.object({ id: z.guid(), version: z.int(), startsAt: Instant }).nullable().default(null),
  intake: z
    .object({ name: z.string(), address: z.string(), vehicle: z.string(), notes: z.string() })
    .partial()
    .default(() => ({})),
  nextServiceKey: z.string().nullable().optional(),
  recentVisit: Instant.nullable().optional(),
  inferredMove: z.boolean().optional(),
  reasked: z.enum(['name', 'address', 'vehicle', 'notes']).nullable().optional(),
  justBooked: z.object({ id: z.guid(), at: Instant }).nullable().optional(),
} satisfies Record<keyof DialogState, z.ZodType>;
const StoredState = z.object(STATE_FIELDS);

/**
 * Stored states that could not be read, for the metrics endpoint to report (each is also logged).
 * The count is of this process since it started.
 */
export const storedStateErrors = { count: 0 };

/**
 * The state a conversation left, checked. One that cannot be read (a bad write, a hand edit, a
 * change of shape without a migration) is logged by where it is wrong, never its values (they
 * hold names and addresses), counted, and the conversation starts afresh: the customer gets an
 * ordinary answer to what they just wrote, never an error.
 */
export function stateFrom(conversation: Pick<ConversationRow, 'id' | 'state'> | null, log: Logger): DialogState {
  if (!conversation?.state) return freshState();
  const parsed = StoredState.safeParse(conversation.state);
  if (parsed.success) return parsed.data;
  storedStateErrors.count += 1;
  log.error(
    {
      conversationId: conversation.id,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code })),
    },
    'stored dialog state cannot be read; the conversation starts afresh',
  );
  return freshState();
}
