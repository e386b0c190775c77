import { createHmac, randomBytes } from 'node:crypto';
import { apiGatewayFormEvent } from '../test/helpers/api-gateway-event';

/**
 * Runs in a fresh `node` process (bench/lambda.ts bundles it to plain JavaScript): loads a Lambda
 * entry the way the runtime does, answers one signed webhook as the first invocation, then
 * `WARM` more in a row, and prints one JSON line.
 */
interface Plan {
  module: string;
  publicUrl: string;
  authToken: string;
  to: string;
  warm: number;
}

const PATH = '/webhooks/twilio/messages';

export function signedForm(plan: Omit<Plan, 'module' | 'warm'>, from: string, body: string) {
  const form: Record<string, string> = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    AccountSid: `AC${'0'.repeat(32)}`,
    From: from,
    To: plan.to,
    Body: body,
    NumMedia: '0',
    ApiVersion: '2010-04-01',
  };
  // Twilio's scheme (PROTOCOLS.md): the URL, then each key and value in key order.
  const data = Object.keys(form)
    .sort()
    .reduce((text, key) => text + key + form[key], `${plan.publicUrl}${PATH}`);
  const signature = createHmac('sha1', plan.authToken).update(data, 'utf8').digest('base64');
  return { path: PATH, form, signature };
}

function apiGatewayEvent(plan: Plan, i: number) {
  const { path, form, signature } = signedForm(plan, `+1555600${String(i).padStart(4, '0')}`, 'what are your hours?');
  return apiGatewayFormEvent({ publicUrl: plan.publicUrl, path, form, signature });
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2]) as Plan;
  const context = { awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 };
  const started = performance.now();
  const target = require(plan.module) as { handler(e: unknown, c: unknown): Promise<{ statusCode: number }> };
  const imported = performance.now();
  const first = await target.handler(apiGatewayEvent(plan, 0), context);
  const answered = performance.now();
  const warm: number[] = [];
  for (let i = 1; i <= plan.warm; i++) {
    const t0 = performance.now();
    const answer = await target.handler(apiGatewayEvent(plan, i), context);
    if (answer.statusCode !== 200) throw new Error(`warm request ${i} answered ${answer.statusCode}`);
    warm.push(performance.now() - t0);
  }
  console.log(
    JSON.stringify({
      nodeStartMs: started,
      importMs: imported - started,
      // From the process's start, like the server's (node's own start-up included).
      firstAnswerMs: answered,
      firstStatus: first.statusCode,
      warm,
    }),
  );
  process.exit(0);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
