import { z } from 'zod';

/**
 * What a deployment chooses, from CDK context (`cdk deploy -c shape=containers -c …` or
 * cdk.json's "context"), checked once: a wrong value stops synth naming the key. Defaults give
 * the small shop's serverless set-up with the demo businesses' Lex bot.
 */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const settingsSchema = z
  .object({
    shape: z.enum(['serverless', 'containers']).default('serverless'),
    /** Business files the Lex bot's slot values come from (comma-separated paths). */
    businesses: z.string().default('booking/businesses/demo/edgar.yaml,booking/businesses/demo/clinica.yaml'),
    twilioAccountSid: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'expected AC followed by 32 hex digits')
      .default(`AC${'0'.repeat(32)}`),
    /** The URL Twilio calls. Serverless: the HTTP API's own URL unless a custom domain is set. */
    publicBaseUrl: z
      .string()
      .regex(/^https:\/\/[^/]+$/, 'expected https://host with no path')
      .optional(),
    /** Containers: the ACM certificate for the load balancer's HTTPS listener (publicBaseUrl's host). */
    certificateArn: z.string().startsWith('arn:aws:acm:').optional(),
    /** Where alarms are e-mailed (the SNS topic takes other subscriptions too). */
    alarmEmail: z.string().email().optional(),
    natGateways: z.coerce.number().int().min(1).max(3).default(1),
    dbInstanceType: z.string().default('t4g.micro'),
    dbMultiAz: flag.default(false),
    cacheNodeType: z.string().default('cache.t4g.micro'),
    /** A pushed image to run instead of building the Dockerfile at deploy time. */
    image: z.string().optional(),
    workersMax: z.coerce.number().int().min(1).default(4),
    apiTasks: z.coerce.number().int().min(1).default(2),
    logRetentionDays: z.coerce.number().int().positive().default(30),
  })
  .superRefine((s, ctx) => {
    if (s.shape === 'containers' && (!s.publicBaseUrl || !s.certificateArn)) {
      ctx.addIssue({
        code: 'custom',
        path: ['certificateArn'],
        message: 'the containers shape needs publicBaseUrl and certificateArn (HTTPS on the load balancer)',
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;
export const SETTING_KEYS = Object.keys(settingsSchema.shape) as (keyof Settings)[];

export class SettingsError extends Error {}

export function settingsFrom(context: Record<string, unknown>): Settings {
  const given = Object.fromEntries(SETTING_KEYS.filter((k) => context[k] !== undefined).map((k) => [k, context[k]]));
  const parsed = settingsSchema.safeParse(given);
  if (!parsed.success) {
    throw new SettingsError(
      `Invalid CDK context:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}
