import { Type } from 'typebox';
import { AppointmentView, AuditLine, CustomerView, MessageLine, Slot } from './views';
import { InstantIn, Kind, LocalDate, Phone, Status, Text, Uuid, Version } from './primitives';

export const ListQuery = Type.Object(
  {
    from: LocalDate,
    /** The last day included; `from` alone is one day. */
    to: Type.Optional(LocalDate),
    status: Type.Optional(Type.Array(Status, { maxItems: 7 })),
    staffId: Type.Optional(Uuid),
    kind: Type.Optional(Kind),
  },
  { additionalProperties: false },
);

export const AppointmentList = Type.Object({ appointments: Type.Array(AppointmentView) });

export const AppointmentDetail = Type.Object({
  appointment: AppointmentView,
  canBecome: Type.Array(Status),
  customer: Type.Union([CustomerView, Type.Null()]),
  history: Type.Array(AuditLine),
  messages: Type.Array(MessageLine),
});

/** The board's moves; cancelling has its own route, with a reason. */
export const StatusBody = Type.Object(
  { status: Type.Enum(['booked', 'confirmed', 'in_progress', 'completed', 'no_show'] as const), version: Version },
  { additionalProperties: false },
);

export const MoveBody = Type.Object(
  { start: InstantIn, staffId: Type.Optional(Uuid), version: Version },
  { additionalProperties: false },
);

export const CancelBody = Type.Object({ reason: Text(500), version: Version }, { additionalProperties: false });

export const WalkInBody = Type.Object(
  {
    serviceId: Uuid,
    staffId: Type.Optional(Uuid),
    start: InstantIn,
    phone: Phone,
    name: Text(120),
    address: Type.Optional(Text(300)),
    vehicle: Type.Optional(Text(120)),
    notes: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);

export const SlotsQuery = Type.Object(
  { serviceId: Uuid, date: LocalDate, staffId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const SlotList = Type.Object({ slots: Type.Array(Slot) });

export const BlocksQuery = Type.Object(
  { from: LocalDate, to: Type.Optional(LocalDate), staffId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

export const BlockBody = Type.Object(
  { staffId: Uuid, start: InstantIn, end: InstantIn, notes: Type.Optional(Text(300)) },
  { additionalProperties: false },
);
