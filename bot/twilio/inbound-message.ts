import type { Channel } from '../../booking/db/entities/channel-endpoint';

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

export type TwilioForm = Record<string, string | undefined>;

/**
 * The message as the bot uses it. NUL characters are dropped: a Postgres text column cannot
 * hold one, and a customer cannot mean one (the signature was checked on the form as sent).
 */
export function inboundFromForm(form: TwilioForm): InboundMessage {
  const field = (name: string) => form[name]?.replaceAll('\u0000', '');
  const from = field('From') ?? '';
  const channel: Channel = from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const media = Array.from({ length: Number(form.NumMedia ?? 0) || 0 }, (_, i) => ({
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
