import fc from 'fast-check';
import { parse as parseForm } from 'fast-querystring';
import twilio from 'twilio';
import { messageSid } from './app';

/**
 * Arbitrary signed requests to the inbound webhook, for the property test and the chaos bench:
 * hostile characters (controls, lone surrogates, bytes that are not UTF-8, markup) in every free
 * field, and perhaps one flaw (a repeated, missing, huge or empty field, odd field names, a folded
 * ApiVersion, a bad SID), sent as a form or as a body that is not one, mostly signed right.
 */
export interface HostileRequest {
  headers: Record<string, string>;
  body: Buffer | string;
}

export interface WebhookTarget {
  /** The URL Twilio signs: PUBLIC_BASE_URL and the path. */
  signedUrl: string;
  authToken: string;
  /** A number on SMS and one on WhatsApp that businesses own. */
  sms: string;
  whatsapp: string;
  /** Customers' phones are this followed by five digits. */
  phonePrefix: string;
}

const HOSTILE = [
  '\u0000',
  '\u0007',
  '\u001b[2J',
  '\u007f',
  '\u0085',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
  '&',
  '<',
  '%',
  '+',
  '=',
];
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abc yes 3pm sí ñ'.split('')) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((n) => String.fromCodePoint(n)) },
);
const text = fc.string({ unit, maxLength: 40 });

type Fields = [string, string][];

/** What can be wrong with a form besides its characters, one thing at a time (or nothing). */
const FLAWS = [
  'bad-sid',
  'bad-from',
  'unknown-to',
  'folded-api-version',
  'repeated-body',
  'repeated-media',
  'huge-body',
  'empty-body',
  'no-body',
  'odd-names',
  'bad-num-media',
] as const;
const flaw = fc.oneof(
  { weight: FLAWS.length, arbitrary: fc.constant(null) },
  { weight: FLAWS.length, arbitrary: fc.constantFrom(...FLAWS) },
);

/** A Twilio-like form with hostile text in every free field, and perhaps one flaw. */
function form(target: WebhookTarget): fc.Arbitrary<Fields> {
  return fc
    .record({
      from: fc.integer({ min: 0, max: 99_999 }).map((n) => `${target.phonePrefix}${String(n).padStart(5, '0')}`),
      whatsapp: fc.boolean(),
      body: text,
      media: fc.array(text, { maxLength: 2 }),
      extra: fc.array(fc.tuple(text, text), { maxLength: 3 }),
      odd: text,
      flaw,
    })
    .map((f) => {
      const body =
        f.flaw === 'huge-body' ? f.body.repeat(400).padEnd(9_000, 'x') : f.flaw === 'empty-body' ? '' : f.body;
      const fields: Fields = [
        ['MessageSid', f.flaw === 'bad-sid' ? f.odd : messageSid()],
        ['AccountSid', `AC${'0'.repeat(32)}`],
        ['From', f.flaw === 'bad-from' ? f.odd : f.whatsapp ? `whatsapp:${f.from}` : f.from],
        ['To', f.flaw === 'unknown-to' ? '+15559999999' : f.whatsapp ? target.whatsapp : target.sms],
        ['NumMedia', f.flaw === 'bad-num-media' ? f.odd : String(f.media.length)],
        ...f.media.map((url, i): [string, string] => [`MediaUrl${i}`, url]),
        ...f.extra,
      ];
      if (f.flaw === 'folded-api-version') fields.push(['ApiVersion', `2010-04-01Body${body}`]);
      else {
        fields.push(['ApiVersion', '2010-04-01']);
        if (f.flaw !== 'no-body') fields.push(['Body', body]);
      }
      if (f.flaw === 'repeated-body') fields.push(['Body', f.odd]);
      if (f.flaw === 'repeated-media') fields.push(['MediaUrl0', f.odd], ['MediaUrl0', body]);
      if (f.flaw === 'odd-names') fields.push(['__proto__', f.odd], ['constructor', body], ['', f.odd]);
      return fields;
    });
}

/** How the request goes over the wire. */
const encoding = fc.oneof(
  { weight: 12, arbitrary: fc.constant('form') },
  { weight: 1, arbitrary: fc.constantFrom('raw-bytes', 'json', 'multipart', 'text', 'none') },
);

function encode(fields: Fields, how: string): { contentType: string | null; body: Buffer | string } {
  const urlencoded = new URLSearchParams(fields).toString();
  switch (how) {
    case 'form':
      return { contentType: 'application/x-www-form-urlencoded', body: urlencoded };
    case 'raw-bytes':
      // Bytes that are not UTF-8 in the middle of the form, as a broken client might send them.
      return {
        contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
        body: Buffer.concat([Buffer.from(urlencoded), Buffer.from('&Body=%ED%A0%80'), Buffer.from([0xff, 0xc0, 0x80])]),
      };
    case 'json':
      return { contentType: 'application/json', body: JSON.stringify(Object.fromEntries(fields)) };
    case 'multipart':
      return {
        contentType: 'multipart/form-data; boundary=XyZ',
        body: `${fields.map(([k, v]) => `--XyZ\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')}--XyZ--\r\n`,
      };
    case 'text':
      return { contentType: 'text/plain', body: urlencoded };
    default:
      return { contentType: null, body: urlencoded };
  }
}

/** Most requests are signed as Twilio would sign them; some for other fields, some not at all. */
const signing = fc.oneof(
  { weight: 12, arbitrary: fc.constant('right') },
  { weight: 1, arbitrary: fc.constantFrom('wrong', 'none') },
);

/** Signed over the fields as the app will read them, so that the signature lets most requests in. */
function signature(target: WebhookTarget, body: Buffer | string, how: string, fields: Fields): string {
  const params = how === 'json' ? Object.fromEntries(fields) : parseForm(body.toString());
  return twilio.getExpectedTwilioSignature(target.authToken, target.signedUrl, params);
}

/** A hostile request as it goes over the wire, signed (or not) as the flaws say. */
export function hostileRequest(target: WebhookTarget): fc.Arbitrary<HostileRequest> {
  return fc.tuple(form(target), encoding, signing).map(([fields, how, signed]) => {
    const { contentType, body } = encode(fields, how);
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    if (signed === 'right') headers['x-twilio-signature'] = signature(target, body, how, fields);
    if (signed === 'wrong')
      headers['x-twilio-signature'] = signature(target, body, how, [...fields, ['Body', 'changed']]);
    return { headers, body };
  });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
/** Text with no control character and no lone surrogate: what the app may store. */
export const isPlainText = (value: string) => !LONE_SURROGATE.test(value) && !CONTROL.test(value);
