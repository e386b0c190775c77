import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import type { CatalogRepository } from '../booking/repositories/catalog';
import type { Sql } from '../booking/repositories/sql';
import type { Queues } from './queue-set';
import type { SendSlots } from './senders/send-slots';
import type { Transport } from './senders/transport';

/** What every processor receives: built once by startWorkers. */
export interface WorkerContext {
  sql: Sql;
  catalogs: CatalogRepository;
  queues: Queues;
  clock: Clock;
  log: Logger;
  transport: Transport;
  slots: SendSlots;
  /** Messages per second for a sending number. */
  sendRate(from: string): number;
  /** How long before its due time a reminder is prepared (see README). */
  reminderLeadMs: number;
  /** A `sending` message younger than this may still be in another worker's hands. */
  claimStaleAfterMs: number;
  /** Marks what this deployment created in Redis (its digest schedulers), so it removes nothing else. */
  deploymentId: string;
}
