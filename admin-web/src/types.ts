import type { Static } from 'typebox';
import type { AppointmentDetail } from '../../api/schemas/admin/appointments';
import type { Me } from '../../api/schemas/admin/auth';
import type { Conversation, CustomerDetail, CustomerList } from '../../api/schemas/admin/customers';
import type { FeedLinks, StatsView } from '../../api/schemas/admin/reports';
import type { AppointmentView, CatalogView, Slot } from '../../api/schemas/admin/views';

/**
 * The API's replies as the page receives them. Only types come from api/schemas (erased by the
 * build): the page reads exactly what the routes declare, and instants arrive as ISO strings.
 */
type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type MeView = Wire<Static<typeof Me>>;
export type Appointment = Wire<Static<typeof AppointmentView>>;
export type AppointmentFull = Wire<Static<typeof AppointmentDetail>>;
export type Catalog = Wire<Static<typeof CatalogView>>;
export type Service = Catalog['services'][number];
export type Staff = Catalog['staff'][number];
export type FreeSlot = Wire<Static<typeof Slot>>;
export type Stats = Wire<Static<typeof StatsView>>;
export type CustomerSummary = Wire<Static<typeof CustomerList>>['customers'][number];
export type CustomerFull = Wire<Static<typeof CustomerDetail>>;
export type ConversationView = Wire<Static<typeof Conversation>>;
export type Feeds = Wire<Static<typeof FeedLinks>>['feeds'];
export type Status = Appointment['status'];
export type Hours = Catalog['hours'];
