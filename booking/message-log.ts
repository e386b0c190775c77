import type { DataSource } from 'typeorm';
import { batched } from '../core/batch';
import {
  type InboundFields,
  type Received,
  type Redelivery,
  receiveInbound,
  takeOverRedelivery,
} from './repositories/messages';
import { reminderSentSince } from './repositories/outbound-messages';
import { poolSql, type Sql } from './repositories/sql';
import {
  claimTurn,
  releaseTurn,
  saveTurns,
  type TurnClaim,
  type TurnOutcome,
  type TurnStart,
} from './repositories/turns';

/**
 * How long a turn may hold its conversation. A turn takes milliseconds and Twilio gives up on a
 * request after 15 s: a turn still running after 10 s belongs to a process that died or hung,
 * and the conversation's next message may run its own.
 */
const DEFAULT_TURN_LEASE_MS = 10_000;
/** A message waiting on another process's turn looks again after this, then twice as late… */
const FIRST_LOOK_MS = 10;
const LAST_LOOK_MS = 200;

/** Resolves after `ms`, or as soon as `early` does; leaves no timer behind. */
function pause(ms: number, early?: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void early?.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

interface RunningTurn {
  inboundId: string;
  ended: Promise<void>;
  end(): void;
}

/**
 * A conversation's messages: each inbound message stored as it arrives, each turn taken in
 * arrival order and its end saved (requests that store or save in the same turn of the event
 * loop share one statement), and what a turn reads of its messages: a redelivery's answer, a
 * reminder sent since. See booking/repositories/turns.ts for the order of turns and
 * booking/repositories/messages.ts for the one durability rule.
 */
export class MessageLog {
  private readonly sql: Sql;
  private readonly turnLeaseMs: number;
  private readonly receiveBatched: (message: InboundFields) => Promise<Received | undefined>;
  private readonly saveBatched: (turn: TurnOutcome) => Promise<void>;
  /** This process's running turns by conversation: a message waiting behind one starts when it ends. */
  private readonly running = new Map<string, RunningTurn>();

  constructor(db: DataSource, options: { turnLeaseMs?: number } = {}) {
    this.sql = poolSql(db);
    this.turnLeaseMs = options.turnLeaseMs ?? DEFAULT_TURN_LEASE_MS;
    // One phone's messages go one per statement: each then has one customer and one conversation
    // row to write, and a MessageSid delivered twice at once is stored by the first and seen as
    // stored by the second.
    this.receiveBatched = batched((messages: InboundFields[]) => receiveInbound(this.sql, messages, this.turnLeaseMs), {
      keyOf: (m) => `${m.businessId}:${m.phone}`,
    });
    this.saveBatched = batched(
      async (turns: TurnOutcome[]) => {
        await saveTurns(this.sql, turns);
        return turns.map(() => undefined);
      },
      { keyOf: (turn) => turn.customerId },
    );
  }

  /** Stores the message and returns who sent it, and its turn when it may start at once. */
  async receive(message: InboundFields): Promise<Received> {
    // A stranger's first messages can race: the one whose snapshot missed the other's new
    // customer row gets nothing back, and sees the row when it runs once more.
    const received = (await this.receiveBatched(message)) ?? (await this.receiveBatched(message));
    if (!received) throw new Error(`inbound message ${message.providerSid} found no customer to belong to`);
    if (received.turn) this.started(received.turn);
    return received;
  }

  /**
   * The stored message's turn, once the turns before it have ended; or the answer its delivery
   * gave, when a turn already read it. Waits on a turn of this process without asking the
   * database, on another process's by asking again at growing intervals, and gives up (throws)
   * after two leases, which only a chain of processes dying in turn could cause.
   */
  async awaitTurn(inboundId: string): Promise<Exclude<TurnClaim, { kind: 'held' }>> {
    const giveUpAt = performance.now() + 2 * this.turnLeaseMs;
    for (let look = FIRST_LOOK_MS; ; look = Math.min(look * 2, LAST_LOOK_MS)) {
      const claim = await claimTurn(this.sql, inboundId, this.turnLeaseMs);
      if (claim.kind === 'started') this.started(claim.turn);
      if (claim.kind !== 'held') return claim;
      const left = giveUpAt - performance.now();
      if (left <= 0) throw new Error(`conversation ${claim.conversationId} stayed busy for two turn leases`);
      const local = this.running.get(claim.conversationId);
      await pause(Math.min(claim.retryInMs, left, local ? left : look), local?.ended);
    }
  }

  /** Saves the end of a turn started by `receive` or `awaitTurn`, which lets its conversation go. */
  async saveTurn(turn: TurnOutcome): Promise<void> {
    try {
      await this.saveBatched(turn);
    } finally {
      this.ended(turn.conversationId, turn.inboundId);
    }
  }

  /** A turn that could not be saved: its conversation goes, its message to its next delivery at once. */
  async release(turn: { conversationId: string; inboundId: string }, graceMs: number): Promise<void> {
    try {
      await releaseTurn(this.sql, turn, graceMs);
    } finally {
      this.ended(turn.conversationId, turn.inboundId);
    }
  }

  /** For a MessageSid the business stored before: its answer, its turn to run, or a wait (see `Redelivery`). */
  redelivery(businessId: string, providerSid: string, graceMs: number): Promise<Redelivery> {
    return takeOverRedelivery(this.sql, businessId, providerSid, graceMs);
  }

  /** Whether a reminder went to the customer after `since` (a late "yes" then answers it). */
  remindedSince(businessId: string, customerId: string, since: Date): Promise<boolean> {
    return reminderSentSince(this.sql, businessId, customerId, since);
  }

  private started(turn: TurnStart): void {
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    // A claim by the message holding the turn already (a redelivery's) replaces its entry.
    this.running.get(turn.conversationId)?.end();
    this.running.set(turn.conversationId, { inboundId: turn.inboundId, ended, end });
  }

  private ended(conversationId: string, inboundId: string): void {
    const turn = this.running.get(conversationId);
    if (turn?.inboundId !== inboundId) return;
    this.running.delete(conversationId);
    turn.end();
  }
}
