import type { DataSource } from 'typeorm';
import { batched } from '../core/batch';
import {
  type InboundFields,
  type Received,
  type Redelivery,
  receiveInbound,
  releaseInbound,
  saveTurns,
  takeOverRedelivery,
  type TurnOutcome,
} from './repositories/messages';
import { reminderSentSince } from './repositories/outbound-messages';
import { poolSql, type Sql } from './repositories/sql';

/**
 * A conversation's messages: each inbound message stored as it arrives and the end of each turn
 * saved (requests that reach either in the same turn of the event loop share one statement),
 * and what a turn reads of its messages: a redelivery's answer, a reminder sent since.
 */
export class MessageLog {
  private readonly sql: Sql;
  private readonly receiveBatched: (message: InboundFields) => Promise<Received | undefined>;
  private readonly saveBatched: (turn: TurnOutcome) => Promise<void>;

  constructor(db: DataSource) {
    this.sql = poolSql(db);
    // One phone's messages go one per statement: each then has one customer row to join, and a
    // MessageSid delivered twice at once is stored by the first and seen as stored by the second.
    this.receiveBatched = batched((messages: InboundFields[]) => receiveInbound(this.sql, messages), {
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

  /** Stores the message and returns who sent it and the conversation so far. */
  async receive(message: InboundFields): Promise<Received> {
    // A stranger's first messages can race: the one whose snapshot missed the other's new
    // customer row gets nothing back, and sees the row when it runs once more.
    const received = (await this.receiveBatched(message)) ?? (await this.receiveBatched(message));
    if (!received) throw new Error(`inbound message ${message.providerSid} found no customer to belong to`);
    return received;
  }

  saveTurn(turn: TurnOutcome): Promise<void> {
    return this.saveBatched(turn);
  }

  /** For a MessageSid stored before: its answer, its turn to run, or a wait (see `Redelivery`). */
  redelivery(providerSid: string, graceMs: number): Promise<Redelivery> {
    return takeOverRedelivery(this.sql, providerSid, graceMs);
  }

  /** Whether a reminder went to the customer after `since` (a late "yes" then answers it). */
  remindedSince(businessId: string, customerId: string, since: Date): Promise<boolean> {
    return reminderSentSince(this.sql, businessId, customerId, since);
  }

  /** Lets a message whose turn could not be saved be taken over by its next delivery at once. */
  release(inboundId: string, graceMs: number): Promise<void> {
    return releaseInbound(this.sql, inboundId, graceMs);
  }
}
