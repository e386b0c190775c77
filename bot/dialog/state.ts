import { DateTime } from 'luxon';
import type { AppointmentRow } from '../../booking/db/entities/appointment';
import type { IntakeField } from '../../booking/business-settings';
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
  /** A second service asked for with this one, booked right after it. */
  nextServiceKey?: string | null;
  /** The start of the visit this conversation last booked or moved ("the same day at 11"). */
  recentVisit?: string | null;
  /**
   * The visit the last turn booked, and when: a YES as the very next message is the same YES
   * again (a double tap), answered with the same "Booked". Kept one turn only.
   */
  justBooked?: { id: string; at: string } | null;
  /** A move the customer did not ask for by name ("2pm instead?"): offered with another booking as the alternative. */
  inferredMove?: boolean;
  /** The detail asked for a second time, saying what is needed; the next reply is taken as written. */
  reasked?: IntakeField | null;
}

export function freshState(): DialogState {
  return {
    intent: null,
    serviceKey: null,
    staffKey: null,
    when: null,
    asked: null,
    offered: [],
    picks: [],
    proposal: null,
    target: null,
    intake: {},
  };
}

export function isIdle(state: DialogState): boolean {
  return state.intent === null && state.asked === null;
}

/**
 * What the customer is settling on, for reading their next message: the local day of the
 * proposal, of the options offered when they share one day, or of the day or time asked for (a
 * bare "10am" is that day's), and the proposal's or moved visit's time ("an hour later").
 */
export function focusOf(state: DialogState, timezone: string): { focusDay: string | null; focusTime: string | null } {
  const focusTime =
    state.proposal?.start ??
    (state.intent === 'Reschedule' && state.offered.length === 0 ? (state.target?.startsAt ?? null) : null);
  return { focusDay: focusDayOf(state, timezone), focusTime };
}

function focusDayOf(state: DialogState, timezone: string): string | null {
  if (state.intent !== 'Book' && state.intent !== 'Reschedule') return null;
  const days = (starts: string[]) => [...new Set(starts.map((s) => localDay(s, timezone)))];
  if (state.proposal) return days([state.proposal.start])[0];
  const offered = days(state.offered.map((o) => o.start));
  if (offered.length === 1) return offered[0];
  if (state.when && state.when.grain !== 'week' && offered.length === 0) return days([state.when.start])[0];
  // Moving a visit: "2pm" is 2pm on the visit's day until another day is said.
  if (state.target && offered.length === 0) return days([state.target.startsAt])[0];
  return null;
}

export function localDay(instant: string | Date, timezone: string): string {
  const at =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone: timezone })
      : DateTime.fromJSDate(instant, { zone: timezone });
  return at.toISODate() ?? '';
}

/** A time to check: one instant ("yes" to 3:00 PM, or 3:00 PM again for another person). */
export function atInstant(iso: string): When {
  return { start: iso, end: iso, grain: 'minute' };
}

/** The appointment being cancelled or moved, at the version the customer sees now. */
export function targetOf(a: Pick<AppointmentRow, 'id' | 'version' | 'startsAt'>): NonNullable<DialogState['target']> {
  return { id: a.id, version: a.version, startsAt: a.startsAt.toISOString() };
}
