import { Type } from 'typebox';
import { AppointmentView, CustomerChannel, CustomerView, MessageLine } from './views';
import { Instant, NullableInstant, Text } from './primitives';

export const SearchQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const CustomerList = Type.Object({
  customers: Type.Array(Type.Object({ ...CustomerView.properties, lastMessageAt: NullableInstant })),
});

export const CustomerDetail = Type.Object({
  customer: CustomerView,
  channels: Type.Array(CustomerChannel),
  upcoming: Type.Array(AppointmentView),
  past: Type.Array(AppointmentView),
  noShows: Type.Integer(),
});

export const Conversation = Type.Object({
  customer: CustomerView,
  channels: Type.Array(CustomerChannel),
  messages: Type.Array(MessageLine),
});

export const ReplyBody = Type.Object({ text: Text(1600) }, { additionalProperties: false });

export const ReplyQueued = Type.Object({ outboxId: Type.String(), queuedAt: Instant });
