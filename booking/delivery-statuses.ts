import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import { type CallbackOutcome, recordStatusCallback, type StatusCallback } from './repositories/delivery-status';
import { inTransaction } from './repositories/sql';

/** Twilio's reports of what became of an outbound message (the status webhook's one call). */
export class DeliveryStatuses {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Applies the report, keeps it for a SID not stored yet, or ignores it as older (see `CallbackOutcome`). */
  record(callback: StatusCallback): Promise<CallbackOutcome> {
    // One transaction: a 21610 report and the opt-out it implies are seen together or not at all.
    return inTransaction(this.db, (tx) => recordStatusCallback(tx, callback, this.clock.now()));
  }
}
