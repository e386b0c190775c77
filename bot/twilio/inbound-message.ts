import type { Channel } from '../../booking/db/entities/channel-endpoint';
import { plainText } from './plain-text';

/** A Twilio inbound message webhook, reduced to what the bot uses (fields as Twilio's Messaging webhook documents them). */
export interface InboundMessage {
  sid: string;
  channel: Channel;
  /** As Twilio sent them: `+1555…` or `whatsapp:+56…`. */
  from: string;
  to: string;
  /** The customer's phone in E.164, without the `whatsapp:` prefix. */
  phone: string;
  body: string;
  media: { url: string; contentType: string }[];
  profileName?: string;
  /** Set by Twilio's Advanced Opt-Out: STOP, START or HELP. */
  optOutType?: string;
}

/** The form as the route's schema let it through: every field a single string. */
export type TwilioForm = Record<string, string | undefined>;

/** Twilio sends at most 10 media per message; NumMedia says how many of `MediaUrl{N}` to read. */
const MAX_MEDIA = 10;

/**
 * The message as the bot uses it, every text made plain (`plainText`: no control characters, no
 * lone surrogates) as it enters: a customer cannot mean them, Postgres cannot hold NUL and the
 * TwiML reply cannot hold the rest. The signature was checked on the form as sent.
 */
export function inboundFromForm(form: TwilioForm): InboundMessage {
  const field = (name: string) => {
    const value = form[name];
    return value === undefined ? undefined : plainText(value);
  };
  const from = field('From') ?? '';
  const channel: Channel = from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const media = Array.from({ length: Math.min(Number(form.NumMedia ?? 0) || 0, MAX_MEDIA) }, (_, i) => ({
    url: field(`MediaUrl${i}`) ?? '',
    contentType: field(`MediaContentType${i}`) ?? '',
  })).filter((m) => m.url);
  return {
    sid: field('MessageSid') ?? '',
    channel,
    from,
    to: field('To') ?? '',
    phone: from.replace(/^whatsapp:/, ''),
    body: field('Body') ?? '',
    media,
    profileName: field('ProfileName'),
    optOutType: field('OptOutType'),
  };
}
