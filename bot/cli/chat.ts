import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import twilio from 'twilio';
import { loadConfig } from '../../core/config';

/**
 * `npm run chat -- --to +15550100001 --from +15551234567`: a phone in the terminal. Each line
 * goes to the running server as a Twilio-signed webhook; the reply is printed as the phone
 * would show it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string', default: '+15550100001' },
      from: { type: 'string', default: '+15551234567' },
      url: { type: 'string' },
    },
  });
  const config = loadConfig();
  const server = values.url ?? `http://127.0.0.1:${config.port}`;
  const path = '/webhooks/twilio/messages';
  const whatsapp = values.to!.startsWith('whatsapp:');
  const from = whatsapp && !values.from!.startsWith('whatsapp:') ? `whatsapp:${values.from}` : values.from!;
  console.log(`texting ${values.to} from ${from} through ${server} (empty line or Ctrl-D to quit)`);

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('you> ');
  rl.prompt();
  for await (const line of rl) {
    if (!line.trim()) break;
    const form = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: config.twilio.accountSid,
      From: from,
      To: values.to!,
      Body: line,
      NumMedia: '0',
    };
    const signature = twilio.getExpectedTwilioSignature(
      config.twilio.authToken,
      `${config.publicBaseUrl}${path}`,
      form,
    );
    try {
      const response = await fetch(`${server}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(form).toString(),
      });
      const body = await response.text();
      const message = /<Message>([\s\S]*?)<\/Message>/.exec(body)?.[1];
      if (response.status !== 200) console.log(`[${response.status}] ${body}`);
      else console.log(`bot> ${message ? decode(message) : '(no reply)'}`);
    } catch (error) {
      console.log(`[could not reach ${server}: ${(error as Error).message}]`);
    }
    rl.prompt();
  }
  rl.close();
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
