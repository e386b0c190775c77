import { Type } from 'typebox';
import {
  Channel,
  Instant,
  Kind,
  NullableInstant,
  NullableString,
  NullableUuid,
  PerLocale,
  Status,
  Uuid,
} from './primitives';

/** What the admin API answers with; the page reads exactly these shapes. */

export const AppointmentView = Type.Object({
  id: Uuid,
  kind: Kind,
  status: Status,
  reference: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  busyUntil: Instant,
  staffId: Uuid,
  staffName: Type.String(),
  serviceId: NullableUuid,
  serviceName: NullableString,
  priceCents: Type.Union([Type.Integer(), Type.Null()]),
  customerId: NullableUuid,
  customerName: NullableString,
  customerPhone: NullableString,
  address: NullableString,
  notes: NullableString,
  cancelReason: NullableString,
  sourceChannel: NullableString,
  version: Type.Integer(),
  createdAt: Instant,
});

export const CustomerView = Type.Object({
  id: Uuid,
  phone: Type.String(),
  name: NullableString,
  locale: NullableString,
  optedOutAt: NullableInstant,
  details: Type.Object({
    address: Type.Optional(Type.String()),
    vehicle: Type.Optional(Type.String()),
    notes: Type.Optional(Type.String()),
  }),
  createdAt: Instant,
});

export const CustomerChannel = Type.Object({ channel: Channel, lastInboundAt: NullableInstant });

export const MessageLine = Type.Object({
  id: Uuid,
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  channel: Channel,
  purpose: Type.String(),
  body: Type.String(),
  status: Type.String(),
  errorCode: Type.Union([Type.Integer(), Type.Null()]),
  appointmentId: NullableUuid,
  createdAt: Instant,
});

export const AuditLine = Type.Object({
  at: Instant,
  actor: Type.String(),
  actorEmail: NullableString,
  action: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});

export const Slot = Type.Object({ start: Instant, end: Instant, staffId: Uuid });

export const FileHours = Type.Object(
  Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, Type.Optional(Type.Array(Type.String()))]),
  ),
  { additionalProperties: false },
);

export const ServiceView = Type.Object({
  id: Uuid,
  key: Type.String(),
  names: PerLocale(Type.String()),
  synonyms: PerLocale(Type.Array(Type.String())),
  durationMinutes: Type.Integer(),
  bufferMinutes: Type.Integer(),
  price: Type.Union([Type.Number(), Type.Null()]),
  active: Type.Boolean(),
});

export const CatalogView = Type.Object({
  version: Type.Integer(),
  locale: Type.String(),
  locales: Type.Array(Type.String()),
  timezone: Type.String(),
  intakeFields: Type.Array(Type.Enum(['name', 'address', 'vehicle', 'notes'] as const)),
  services: Type.Array(ServiceView),
  hours: FileHours,
  staff: Type.Array(
    Type.Object({
      id: Uuid,
      key: Type.String(),
      name: Type.String(),
      active: Type.Boolean(),
      hours: FileHours,
      serviceIds: Type.Array(Uuid),
    }),
  ),
});
