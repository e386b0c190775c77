import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import { type CallbackOutcome, recordStatusCallback, type StatusCallback } from './repositories/delivery-status';
import { poolSql, type Sql } from './repositories/sql';

/** Twilio's reports of what became of an outbound message (the status webhook's one call). */
export class DeliveryStatuses {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly clock: Clock,
  ) {
    this.sql = poolSql(db);
  }

  /** Applies the report, keeps it for a SID not stored yet, or ignores it as older (see `CallbackOutcome`). */
  record(callback: StatusCallback): Promise<CallbackOutcome> {
    return recordStatusCallback(this.sql, callback, this.clock.now());
  }
}
