import type { Channel } from '../../booking/db/entities/channel-endpoint';

/** A Twilio inbound message webhook, reduced to what the bot uses (PROTOCOLS.md). */
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

export function inboundFromForm(form: TwilioForm): InboundMessage {
  const from = form.From ?? '';
  const channel: Channel = from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const media = Array.from({ length: Number(form.NumMedia ?? 0) || 0 }, (_, i) => ({ url: form[`MediaUrl${i}`] ?? '', contentType: form[`MediaContentType${i}`] ?? '' })).filter((m) => m.url);
  return {
    sid: form.MessageSid ?? '',
    channel,
    from,
    to: form.To ?? '',
    phone: from.replace(/^whatsapp:/, ''),
    body: form.Body ?? '',
    media,
    profileName: form.ProfileName,
    optOutType: form.OptOutType,
  };
}
