import type { Expectation, Intake, When } from '../../dialogs/engine/types';

/** A slot offered to the customer, or proposed for their YES. */
export interface HeldSlot {
  start: string;
  staffId: string;
}

/**
 * What a conversation remembers between messages (conversation.state). Plain JSON: the bot is
 * stateless between webhook calls, so any process (or Lambda) can take the next message.
 */
export interface DialogState {
  intent: 'Book' | 'Reschedule' | 'Cancel' | null;
  serviceKey: string | null;
  staffKey: string | null;
  when: When | null;
  /** What the last reply asked for. */
  asked: Expectation | null;
  /** Numbered slots from the last reply ("1) Tue 3:15 PM…"). */
  offered: HeldSlot[];
  /** Numbered appointments from the last reply ("which one?"). */
  picks: string[];
  /** The slot awaiting the customer's YES. */
  proposal: HeldSlot | null;
  /** The appointment being cancelled or moved, at the version the customer saw. */
  target: { id: string; version: number; startsAt: string } | null;
  intake: Intake;
}

export function freshState(): DialogState {
  return { intent: null, serviceKey: null, staffKey: null, when: null, asked: null, offered: [], picks: [], proposal: null, target: null, intake: {} };
}

export function isIdle(state: DialogState): boolean {
  return state.intent === null && state.asked === null;
}

/** Reads a stored state; anything unrecognisable starts afresh rather than failing the turn. */
export function stateFrom(stored: Record<string, unknown> | null | undefined): DialogState {
  const fresh = freshState();
  if (!stored || typeof stored !== 'object') return fresh;
  return { ...fresh, ...(stored as Partial<DialogState>) };
}
