import { z } from 'zod';

/**
 * Every outbox topic and the shape of its payload, in one place: the writers build payloads of
 * these types, and the relay checks each row read back from the database against its schema
 * (a row is JSON someone wrote, possibly an older version of this code or a hand-made fix).
 */
export const TOPICS = {
  ownerNotice: 'owner.notice',
  customerNotice: 'customer.notice',
  scheduleReminders: 'reminders.schedule',
  cancelReminders: 'reminders.cancel',
  /** Any message to any person: the admin's reply, the owner's relay, a notice (booking/outbound.ts). */
  sendMessage: 'message.send',
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const APPOINTMENT_EVENTS = [
  'booked',
  'requested',
  'approved',
  'declined',
  'cancelled',
  'rescheduled',
  'confirmed',
  'completed',
  'no_show',
  'started',
] as const;
export type AppointmentEvent = (typeof APPOINTMENT_EVENTS)[number];

export const AppointmentEventPayload = z.object({
  appointmentId: z.uuid(),
  version: z.number().int().positive(),
  event: z.enum(APPOINTMENT_EVENTS),
});
export type AppointmentEventPayload = z.infer<typeof AppointmentEventPayload>;

/**
 * Where a message comes from, recorded as the message row's purpose. `conversation`: the bot's
 * reply to a message it could not answer inline (kept while Postgres was away, answered later).
 */
export const OUTBOUND_ORIGINS = ['admin_reply', 'owner_relay', 'notice', 'conversation'] as const;
export type OutboundOrigin = (typeof OUTBOUND_ORIGINS)[number];

const phone = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected a phone number in E.164 form, like +15550100001');
const channel = z.enum(['sms', 'whatsapp']);

/**
 * A message to send. No sender field on purpose: it always leaves from the business's own number
 * on that channel, so an owner's phone is never shown to a customer. Strict objects, so a caller
 * who tries to pass one (`from`, `replyToAddress`) is refused rather than silently ignored.
 */
export const OutboundPayload = z
  .strictObject({
    recipient: z.union([
      z.strictObject({ customerId: z.uuid(), channel: channel.optional() }),
      z.strictObject({ phone, channel }),
    ]),
    text: z.string().trim().min(1).max(1_600).optional(),
    template: z
      .strictObject({
        contentSid: z.string().regex(/^HX[0-9a-f]{32}$/, 'expected a content SID (HX + 32 hex digits)'),
        variables: z.record(z.string().regex(/^\d+$/, 'expected {{1}}, {{2}}… keys'), z.string()),
      })
      .optional(),
    origin: z.enum(OUTBOUND_ORIGINS),
    appointmentId: z.uuid().optional(),
  })
  .refine((p) => p.text !== undefined || p.template !== undefined, {
    message: 'expected a text, a WhatsApp template, or both',
  })
  .refine((p) => p.text !== undefined || p.recipient.channel === 'whatsapp', {
    message: 'a message without text is a WhatsApp template: name channel whatsapp',
    path: ['recipient', 'channel'],
  });
export type OutboundPayload = z.infer<typeof OutboundPayload>;

const SCHEMAS = {
  [TOPICS.ownerNotice]: AppointmentEventPayload,
  [TOPICS.customerNotice]: AppointmentEventPayload,
  [TOPICS.scheduleReminders]: AppointmentEventPayload,
  [TOPICS.cancelReminders]: AppointmentEventPayload,
  [TOPICS.sendMessage]: OutboundPayload,
} satisfies Record<Topic, z.ZodType>;

export type OutboxPayloadCheck =
  | { ok: true; topic: Topic; payload: AppointmentEventPayload | OutboundPayload }
  | { ok: false; reason: 'unknown topic' | 'invalid payload'; problems: string[] };

/**
 * A stored row's payload checked against its topic. Problems name the field and the kind of
 * fault only, never the value: a payload holds phone numbers and message texts.
 */
export function checkOutboxPayload(topic: string, payload: unknown): OutboxPayloadCheck {
  if (!(topic in SCHEMAS)) return { ok: false, reason: 'unknown topic', problems: [] };
  const parsed = SCHEMAS[topic as Topic].safeParse(payload);
  if (parsed.success) return { ok: true, topic: topic as Topic, payload: parsed.data };
  return {
    ok: false,
    reason: 'invalid payload',
    problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.code}`),
  };
}
