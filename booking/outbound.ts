import { z } from 'zod';
import type { Channel, ChannelEndpointRow } from './db/entities/channel-endpoint';
import { InvalidRequest } from './errors';
import { OutboundPayload, TOPICS } from './outbox-topics';
import type { OutboxEntry } from './repositories/outbox';
import { customerRecipient, phoneRecipient, type Recipient } from './repositories/recipients';
import type { Sql } from './repositories/sql';

/**
 * "Send this text (or WhatsApp template) to this person on this channel", as an outbox entry:
 * written in the same transaction as whatever caused it, then sent by the workers like any
 * notice (the relay, per-number pacing, WhatsApp's 24-hour window, retries, delivery status on
 * the message row, whose purpose is the origin). Inside a transaction of your own:
 *
 *     await appendOutbox(tx, [outboundMessage({ businessId, recipient: { customerId }, text, origin: 'admin_reply' })]);
 *
 * without one, `booking.outbound.send(request)` (outbound-service.ts), which also refuses up front
 * a recipient who opted out. The workers check again when they compose and when they send.
 */
export type OutboundRequest = z.input<typeof OutboundPayload> & { businessId: string };

export type OutboundEntry = OutboxEntry & { payload: OutboundPayload };

const businessId = z.uuid();

/** The outbox entry for one message; a malformed request is refused here (InvalidRequest). */
export function outboundMessage(request: OutboundRequest): OutboundEntry {
  const { businessId: id, ...rest } = request;
  const business = businessId.safeParse(id);
  const payload = OutboundPayload.safeParse(rest);
  if (!business.success) throw new InvalidRequest('businessId: expected a business id (UUID)');
  if (!payload.success) {
    throw new InvalidRequest(
      `outbound message: ${payload.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ')}`,
    );
  }
  return { businessId: business.data, topic: TOPICS.sendMessage, payload: payload.data };
}

export type Reach =
  | { ok: true; recipient: Recipient; endpoint: ChannelEndpointRow }
  | { ok: false; problem: 'unknown customer' | 'no number on the channel'; channel?: Channel };

/**
 * Who the message reaches and from which of the business's own numbers. The channel is the one
 * asked for, else the one the person last wrote on, else the business's SMS number, else its
 * WhatsApp one. Whether they opted out is the caller's to act on (`recipient.optedOutAt`).
 */
export async function reachFor(
  sql: Sql,
  businessId: string,
  endpoints: ChannelEndpointRow[],
  recipient: OutboundPayload['recipient'],
): Promise<Reach> {
  const found =
    'customerId' in recipient
      ? await customerRecipient(sql, businessId, recipient.customerId)
      : await phoneRecipient(sql, businessId, recipient.phone);
  if (!found) return { ok: false, problem: 'unknown customer' };
  const on = (channel: Channel | null | undefined) => endpoints.find((e) => e.channel === channel);
  const endpoint = recipient.channel ? on(recipient.channel) : (on(found.lastChannel) ?? on('sms') ?? on('whatsapp'));
  if (!endpoint) return { ok: false, problem: 'no number on the channel', channel: recipient.channel };
  return { ok: true, recipient: found, endpoint };
}
