import type { DataSource } from 'typeorm';
import type { Clock } from '../../core/clock';
import type { CustomerRow } from '../db/entities/customer';
import { NotFound, WhatsappWindowClosed } from '../errors';
import { reachFor } from '../outbound';
import type { OutboundService } from '../outbound-service';
import { visitsOf } from '../repositories/admin/agenda';
import { customerMessages, type MessageLine } from '../repositories/admin/conversation';
import {
  type CustomerChannel,
  type CustomerSummary,
  customerById,
  customerChannels,
  searchCustomers,
} from '../repositories/admin/customer-directory';
import type { CatalogRepository } from '../repositories/catalog';
import { appendAudit } from '../repositories/audit-log';
import { poolSql, type Sql } from '../repositories/sql';
import { isActive } from '../statuses';
import { whatsappWindowOpen } from '../whatsapp-window';
import type { AdminActor } from './front-desk';
import { type AppointmentView, appointmentViews } from './views';

export interface CustomerDetail {
  customer: CustomerRow;
  channels: CustomerChannel[];
  upcoming: AppointmentView[];
  past: AppointmentView[];
  noShows: number;
}

export interface Conversation {
  customer: CustomerRow;
  channels: CustomerChannel[];
  messages: MessageLine[];
}

const SEARCH_LIMIT = 50;
const VISITS_LIMIT = 200;
const MESSAGES_LIMIT = 300;

/** The business's customers as the front desk looks them up. */
export class CustomerDirectory {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly deps: { catalogs: CatalogRepository; clock: Clock; outbound: OutboundService },
  ) {
    this.sql = poolSql(db);
  }

  search(businessId: string, text: string): Promise<CustomerSummary[]> {
    return searchCustomers(this.sql, businessId, text, SEARCH_LIMIT);
  }

  async customer(businessId: string, id: string): Promise<CustomerRow> {
    const found = await customerById(this.sql, businessId, id);
    if (!found) throw new NotFound('customer', id);
    return found;
  }

  async detail(businessId: string, id: string): Promise<CustomerDetail> {
    const customer = await this.customer(businessId, id);
    const [channels, rows, catalog] = await Promise.all([
      customerChannels(this.sql, id),
      visitsOf(this.sql, businessId, id, VISITS_LIMIT),
      this.deps.catalogs.byId(businessId),
    ]);
    const now = this.deps.clock.now().getTime();
    const visits = appointmentViews(catalog, rows);
    const upcoming = visits.filter((v) => isActive(v.status) && v.endsAt.getTime() > now).reverse();
    return {
      customer,
      channels,
      upcoming,
      past: visits.filter((v) => !upcoming.includes(v)),
      noShows: visits.filter((v) => v.status === 'no_show').length,
    };
  }

  async conversation(businessId: string, id: string): Promise<Conversation> {
    const customer = await this.customer(businessId, id);
    const [channels, messages] = await Promise.all([
      customerChannels(this.sql, id),
      customerMessages(this.sql, businessId, id, MESSAGES_LIMIT),
    ]);
    return { customer, channels, messages };
  }

  /**
   * A reply typed at the front desk, sent from the business's number on the channel the customer
   * last wrote on, through the outbox like every message (its delivery status then shows in the
   * conversation). Refused, saying why, when the customer opted out or when it is WhatsApp outside
   * the 24-hour window (a hand-typed reply is no approved template). Audit-logged.
   */
  async reply(admin: AdminActor, customerId: string, text: string): Promise<{ outboxId: string; queuedAt: Date }> {
    await this.customer(admin.businessId, customerId);
    const { endpoints } = await this.deps.catalogs.byId(admin.businessId);
    const reach = await reachFor(this.sql, admin.businessId, endpoints, { customerId });
    const now = this.deps.clock.now();
    if (
      reach.ok &&
      reach.endpoint.channel === 'whatsapp' &&
      !whatsappWindowOpen(reach.recipient.whatsappInboundAt, now)
    )
      throw new WhatsappWindowClosed();
    const sent = await this.deps.outbound.send({
      businessId: admin.businessId,
      recipient: { customerId },
      text,
      origin: 'admin_reply',
    });
    await appendAudit(this.sql, {
      businessId: admin.businessId,
      actor: { kind: 'admin', userId: admin.userId },
      action: 'reply',
      target: `customer:${customerId}`,
      extra: { outboxId: sent.outboxId },
    });
    return { ...sent, queuedAt: now };
  }
}
