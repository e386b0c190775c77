import type { Schema } from '../../core/db';
import { AdminUserEntity } from './entities/admin-user';
import { AppointmentEntity } from './entities/appointment';
import { AuditLogEntity } from './entities/audit-log';
import { BusinessEntity } from './entities/business';
import { ChannelEndpointEntity } from './entities/channel-endpoint';
import { ConversationEntity } from './entities/conversation';
import { CustomerEntity } from './entities/customer';
import { MessageEntity } from './entities/message';
import { OutboxEntity } from './entities/outbox';
import { ServiceEntity } from './entities/service';
import { StaffEntity, StaffServiceEntity } from './entities/staff';
import { Initial1763769600001 } from './migrations/0001-initial';
import { CatalogOrder1763856000002 } from './migrations/0002-catalog-order';
import { CustomerActiveVisits1764460800003 } from './migrations/0003-customer-active-visits';
import { LighterMessageWrites1764806400004 } from './migrations/0004-lighter-message-writes';
import { EarlyDeliveryStatuses1765152000005 } from './migrations/0005-early-delivery-statuses';
import { ConversationTurns1765497600006 } from './migrations/0006-conversation-turns';
import { Deployment1765497600007 } from './migrations/0007-deployment';
import { ReconcileFromPostgres1766275200010 } from './migrations/0010-reconcile-from-postgres';
import { MessageSidPerBusiness1766448000011 } from './migrations/0011-message-sid-per-business';
import { readDeployment } from '../repositories/deployment';
import { AdminWeb1765756800008 } from './migrations/0008-admin-web';
import { OwnerRelay1766016000009 } from './migrations/0009-owner-relay';

/** Entities and migrations, listed (not globbed) so bundlers and Lambda see every one. */
export const bookingSchema: Schema = {
  entities: [
    BusinessEntity,
    ChannelEndpointEntity,
    StaffEntity,
    StaffServiceEntity,
    ServiceEntity,
    CustomerEntity,
    AppointmentEntity,
    ConversationEntity,
    MessageEntity,
    OutboxEntity,
    AdminUserEntity,
    AuditLogEntity,
  ] as Schema['entities'],
  migrations: [
    Initial1763769600001,
    CatalogOrder1763856000002,
    CustomerActiveVisits1764460800003,
    LighterMessageWrites1764806400004,
    EarlyDeliveryStatuses1765152000005,
    ConversationTurns1765497600006,
    Deployment1765497600007,
    AdminWeb1765756800008,
    OwnerRelay1766016000009,
    ReconcileFromPostgres1766275200010,
    MessageSidPerBusiness1766448000011,
  ],
  deployment: readDeployment,
};
