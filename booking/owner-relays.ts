import type { DataSource } from 'typeorm';
import type { Clock } from '../core/clock';
import type { Channel } from './db/entities/channel-endpoint';
import { NotFound } from './errors';
import { outboundMessage, reachFor } from './outbound';
import type { OutboundService } from './outbound-service';
import { appendAudit } from './repositories/audit-log';
import type { CatalogRepository } from './repositories/catalog';
import { appendOutbox } from './repositories/outbox';
import { type OwnerRelay, openRelay, openRelayOf } from './repositories/owner-relay';
import { inTransaction, poolSql } from './repositories/sql';
import { whatsappWindowOpen } from './whatsapp-window';

const RELAY_MS = 24 * 60 * 60 * 1000;

export interface RelayToCustomer {
  businessId: string;
  ownerPhone: string;
  /** The channel the owner wrote on: the customer's replies go back on it. */
  ownerChannel: Channel;
  appointmentId: string;
  customerId: string;
  reference: string;
  text: string;
}

/** Refused before anything is written: the customer opted out, or WhatsApp would not take free text now. */
export type RelayRefusal = 'opted_out' | 'whatsapp_window_closed';

/**
 * The owner talking to a customer through the bot: the owner's words go from the business's own
 * number (the outbound topic has no sender field, so the owner's number is never shown), and for
 * 24 hours the customer's replies go back to whichever owner phone wrote to them last.
 */
export class OwnerRelays {
  constructor(
    private readonly deps: { db: DataSource; catalogs: CatalogRepository; clock: Clock; outbound: OutboundService },
  ) {}

  /**
   * The message, the relay opened (or renewed, for this owner) and the audit entry, in one
   * transaction; null when sent, else why it was not.
   */
  async toCustomer(req: RelayToCustomer): Promise<RelayRefusal | null> {
    const { businessId, customerId } = req;
    const now = this.deps.clock.now();
    const { endpoints } = await this.deps.catalogs.byId(businessId);
    const entry = outboundMessage({
      businessId,
      recipient: { customerId },
      text: req.text,
      origin: 'owner_relay',
      appointmentId: req.appointmentId,
    });
    return inTransaction(this.deps.db, async (tx) => {
      const reach = await reachFor(tx, businessId, endpoints, { customerId });
      if (!reach.ok) throw new NotFound('customer', customerId);
      if (reach.recipient.optedOutAt) return 'opted_out';
      if (reach.endpoint.channel === 'whatsapp' && !whatsappWindowOpen(reach.recipient.whatsappInboundAt, now))
        return 'whatsapp_window_closed';
      await appendOutbox(tx, [entry]);
      await openRelay(tx, businessId, customerId, {
        ownerPhone: req.ownerPhone,
        ownerChannel: req.ownerChannel,
        appointmentId: req.appointmentId,
        reference: req.reference,
        openUntil: new Date(now.getTime() + RELAY_MS),
      });
      await appendAudit(tx, {
        businessId,
        actor: { kind: 'owner', phone: req.ownerPhone },
        action: 'relay',
        target: req.appointmentId,
        extra: { customerId, channel: reach.endpoint.channel },
      });
      return null;
    });
  }

  /** The relay this customer's messages go back through now, if one is open. */
  openFor(businessId: string, customerId: string): Promise<OwnerRelay | undefined> {
    return openRelayOf(poolSql(this.deps.db), businessId, customerId, this.deps.clock.now());
  }

  /** A customer's message, already worded for the owner, back to the owner phone of the relay. */
  async toOwner(businessId: string, relay: OwnerRelay, text: string): Promise<void> {
    await this.deps.outbound.send({
      businessId,
      recipient: { phone: relay.ownerPhone, channel: relay.ownerChannel },
      text,
      origin: 'owner_relay',
      appointmentId: relay.appointmentId,
    });
  }
}
