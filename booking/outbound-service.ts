import type { DataSource } from 'typeorm';
import { InvalidRequest, NotFound, RecipientOptedOut } from './errors';
import { type OutboundRequest, outboundMessage, reachFor } from './outbound';
import type { CatalogRepository } from './repositories/catalog';
import { appendOutbox } from './repositories/outbox';
import { inTransaction } from './repositories/sql';

/** One message for a caller with no transaction of its own (booking/outbound.ts says what happens next). */
export class OutboundService {
  constructor(private readonly deps: { db: DataSource; catalogs: CatalogRepository }) {}

  /**
   * Refuses (coded errors) a malformed request, an unknown customer, a recipient who opted out,
   * and a channel the business has no number on; else the message is on its way.
   */
  async send(request: OutboundRequest): Promise<{ outboxId: string }> {
    const entry = outboundMessage(request);
    const { recipient } = entry.payload;
    const { endpoints } = await this.deps.catalogs.byId(entry.businessId);
    return inTransaction(this.deps.db, async (tx) => {
      const reach = await reachFor(tx, entry.businessId, endpoints, recipient);
      if (!reach.ok) {
        if (reach.problem === 'unknown customer' && 'customerId' in recipient) {
          throw new NotFound('customer', recipient.customerId);
        }
        throw new InvalidRequest(`this business has no ${reach.channel ? `${reach.channel} ` : ''}number to send from`);
      }
      if (reach.recipient.optedOutAt) throw new RecipientOptedOut(entry.businessId);
      const [outboxId] = await appendOutbox(tx, [entry]);
      return { outboxId };
    });
  }
}
