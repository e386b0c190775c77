import { type AppointmentEventPayload, type OutboundPayload, TOPICS, type Topic } from '../booking/outbox-topics';

/**
 * The registry both the relay (producer) and the workers use: queue names, job names, payloads
 * and job ids. Ids are deterministic so that doing a step twice (a crash, a retry, a relay run
 * again) adds nothing twice; BullMQ refuses ':' in custom ids, so none has one.
 */

export const QUEUES = {
  notices: 'notices',
  reminders: 'reminders',
  outbound: 'outbound',
  digest: 'digest',
} as const;
export type QueueKey = keyof typeof QUEUES;

export const JOBS = {
  ownerNotice: 'owner-notice',
  customerNotice: 'customer-notice',
  planReminders: 'plan-reminders',
  fireReminder: 'fire-reminder',
  outboundMessage: 'outbound-message',
  send: 'send',
  digest: 'digest',
  digestSync: 'digest-sync',
} as const;

/** One appointment event's outbox row, as the relay hands it on (its payload checked). */
export interface OutboxJob extends AppointmentEventPayload {
  outboxId: string;
  businessId: string;
  topic: string;
}

/** One message to send (booking/outbound.ts), as the relay hands it on (its payload checked). */
export type OutboundJob = OutboundPayload & { outboxId: string; businessId: string };

export interface ReminderJob {
  businessId: string;
  appointmentId: string;
  version: number;
  offsetMinutes: number;
  /** The start this reminder speaks of (ISO): if the visit moved, it stays silent. */
  startsAt: string;
  /** When the customer should get it (ISO); the job itself runs a little earlier. */
  dueAt: string;
}

/** A WhatsApp template: contentVariables is a JSON string, as Twilio wants it. */
export interface Template {
  contentSid: string;
  contentVariables: string;
}

export interface SendJob {
  messageId: string;
  /** The sending number, for its rate limit. */
  from: string;
  /** Send this template instead of the body (WhatsApp outside the 24-hour window). */
  template?: Template;
  /** Send this template if Twilio says the window is closed (63016). */
  fallback?: Template;
  /** For reminders: the start (ISO) the visit must still have at the moment of sending. */
  startsAt?: string;
  /** Twilio accepted the message with this SID on an earlier attempt: record it, never resend. */
  sentSid?: string;
  /** A send slot this job holds, reserved during the given attempt. */
  slot?: { at: number; attempt: number };
}

export interface DigestJob {
  businessId: string;
  /** The deployment whose scheduler made the job: only it may remove the scheduler. */
  deploymentId: string;
}

/** Where each outbox topic goes. */
export const TOPIC_ROUTES: Record<Topic, { queue: QueueKey; job: string }> = {
  [TOPICS.ownerNotice]: { queue: 'notices', job: JOBS.ownerNotice },
  [TOPICS.customerNotice]: { queue: 'notices', job: JOBS.customerNotice },
  [TOPICS.scheduleReminders]: { queue: 'reminders', job: JOBS.planReminders },
  [TOPICS.cancelReminders]: { queue: 'reminders', job: JOBS.planReminders },
  [TOPICS.sendMessage]: { queue: 'notices', job: JOBS.outboundMessage },
};

function safe(id: string): string {
  if (id.includes(':')) throw new Error(`job id "${id}" contains ':', which BullMQ refuses`);
  return id;
}

export const jobIds = {
  outbox: (outboxId: string) => safe(`outbox-${outboxId}`),
  reminder: (appointmentId: string, offsetMinutes: number, version: number) =>
    safe(`reminder-${appointmentId}-${offsetMinutes}m-v${version}`),
  send: (messageId: string) => safe(`send-${messageId}`),
  digestScheduler: (businessId: string) => safe(`digest-${businessId}`),
  digestSync: () => 'digest-sync',
};
