import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { IANAZone } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LOCALES } from '../../core/locale';
import { isClockTime, toMinutes, WEEKDAYS, type WeeklyHours } from '../availability/weekly-hours';

/**
 * A business as its owner would write it down (YAML or JSON). Everything is checked here, so a
 * typo is reported with its place in the file ("services[2].durationMinutes: …") and nothing
 * half-valid reaches the database.
 */

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected a phone number in E.164 form, like +15550100001');
const locale = z.enum(LOCALES, { message: `expected one of ${LOCALES.join(', ')}` });
const key = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes');

const timeRange = z.string().transform((text, ctx) => {
  const match = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  const [from, to] = match ? [match[1].padStart(5, '0'), match[2].padStart(5, '0')] : [];
  if (!from || !to || !isClockTime(from) || !isClockTime(to) || toMinutes(from) >= toMinutes(to)) {
    ctx.addIssue({ code: 'custom', message: `expected a range like "08:00-17:00" (start before end), got "${text}"` });
    return z.NEVER;
  }
  return { from, to };
});

/** Hours per weekday as the file writes them (`mon: ["08:00-12:00", "13:00-17:00"]`). */
export const weeklyHours = z
  .object(
    Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(timeRange).optional()])) as Record<
      (typeof WEEKDAYS)[number],
      z.ZodOptional<z.ZodArray<typeof timeRange>>
    >,
  )
  .strict() as unknown as z.ZodType<WeeklyHours>;

// "24:00" may close a day's hours but is not a moment of the day: a digest there cannot be scheduled.
const timeOfDay = z
  .string()
  .refine(
    (t) => isClockTime(t) && toMinutes(t) < 24 * 60,
    'expected a time of day from "00:00" to "23:59", like "07:00"',
  );

/**
 * The messages sent on the business's own initiative, which WhatsApp lets through outside the
 * 24-hour window only as an approved template (workers/compose/recipients.ts). A key not listed
 * here would never be used: a typo would silently leave a message without its template.
 */
export const TEMPLATE_MESSAGE_IDS = [
  'reminder',
  'customerBooked',
  'customerApproved',
  'customerDeclined',
  'customerCancelled',
  'customerRescheduled',
  'ownerBooked',
  'ownerRequested',
  'ownerCancelled',
  'ownerRescheduled',
  'digest',
  'digestEmpty',
] as const;
export type TemplateMessageId = (typeof TEMPLATE_MESSAGE_IDS)[number];

const minutes = (what: string) =>
  z
    .number({ message: `expected ${what} in minutes` })
    .int(`expected whole minutes`)
    .min(0, 'expected 0 or more');

/** One service as the file writes it; the admin page's edits are checked by the same rules. */
export const serviceEntry = z
  .object({
    key,
    names: z
      .partialRecord(locale, z.string().min(1))
      .refine((n) => Object.keys(n).length > 0, 'expected a name in at least one language'),
    synonyms: z.partialRecord(locale, z.array(z.string().min(1))).default({}),
    durationMinutes: minutes('the duration').positive('expected a duration above 0'),
    bufferMinutes: minutes('the buffer').optional(),
    price: z.number({ message: 'expected a price as a number, like 49 or 49.90' }).nonnegative().optional(),
    active: z.boolean().default(true),
  })
  .strict();

const staff = z
  .object({
    key,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    hours: weeklyHours.optional(),
    services: z.array(key).optional(),
    active: z.boolean().default(true),
  })
  .strict();

const settings = z
  .object({
    slotStepMinutes: minutes('the slot step').positive().default(15),
    minNoticeMinutes: minutes('the minimum notice').default(60),
    horizonDays: z.number().int().positive('expected days above 0').default(60),
    bufferMinutes: minutes('the default buffer').default(0),
    reminderOffsetsMinutes: z.array(minutes('a reminder offset').positive()).default([1440, 120]),
    requiresApproval: z.boolean().default(false),
    intakeFields: z.array(z.enum(['name', 'address', 'vehicle', 'notes'])).default(['name']),
    extraOptOutKeywords: z.array(z.string().regex(/^[A-ZÁÉÍÓÚÑ]+$/, 'expected one word in capitals')).default([]),
    digestTime: timeOfDay.default('07:00'),
    /** Whether messages go to the Lex bot when the deployment has one (LEX_* set); false keeps them local. */
    useLex: z.boolean({ message: 'expected true or false' }).default(true),
    genericStaffWords: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const businessFileSchema = z
  .object({
    slug: key,
    name: z.string().min(1),
    timezone: z
      .string()
      .refine((tz) => IANAZone.isValidZone(tz), 'expected an IANA time zone such as America/Los_Angeles'),
    locale,
    locales: z.array(locale).optional(),
    ownerPhones: z.array(e164).default([]),
    channels: z
      .array(
        z.discriminatedUnion(
          'channel',
          [
            z.object({ channel: z.literal('sms'), address: e164 }).strict(),
            z
              .object({
                channel: z.literal('whatsapp'),
                address: z
                  .string()
                  .regex(/^whatsapp:\+[1-9]\d{6,14}$/, 'expected whatsapp:+E164, like whatsapp:+56920000001'),
              })
              .strict(),
          ],
          { message: 'expected channel sms or whatsapp' },
        ),
      )
      .min(1, 'expected at least one channel'),
    hours: weeklyHours,
    settings: settings.default(settings.parse({})),
    staff: z.array(staff).min(1, 'expected at least one staff member'),
    services: z.array(serviceEntry).min(1, 'expected at least one service'),
    whatsappTemplates: z
      .record(
        z.string(),
        z.partialRecord(locale, z.string().regex(/^HX[0-9a-f]{32}$/, 'expected a content SID (HX + 32 hex digits)')),
      )
      .default({}),
    admins: z
      .array(
        z
          .object({
            email: z.email('expected an email address').transform((s) => s.toLowerCase()),
            role: z.enum(['admin', 'front_desk']).default('admin'),
            passwordEnv: z
              .string()
              .regex(/^[A-Z][A-Z0-9_]*$/)
              .optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const locales = file.locales ?? [file.locale];
    if (!locales.includes(file.locale))
      ctx.addIssue({
        code: 'custom',
        path: ['locales'],
        message: `expected to include the default locale ${file.locale}`,
      });
    const serviceKeys = new Set<string>();
    file.services.forEach((s, i) => {
      if (serviceKeys.has(s.key))
        ctx.addIssue({ code: 'custom', path: ['services', i, 'key'], message: `duplicate service key "${s.key}"` });
      serviceKeys.add(s.key);
      if (!s.names[file.locale])
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'names', file.locale],
          message: 'expected a name in the business language',
        });
    });
    const staffKeys = new Set<string>();
    file.staff.forEach((member, i) => {
      if (staffKeys.has(member.key))
        ctx.addIssue({ code: 'custom', path: ['staff', i, 'key'], message: `duplicate staff key "${member.key}"` });
      staffKeys.add(member.key);
      member.services?.forEach((k, j) => {
        if (!serviceKeys.has(k))
          ctx.addIssue({
            code: 'custom',
            path: ['staff', i, 'services', j],
            message: `unknown service "${k}" (known: ${[...serviceKeys].join(', ')})`,
          });
      });
    });
    for (const id of Object.keys(file.whatsappTemplates)) {
      if (!(TEMPLATE_MESSAGE_IDS as readonly string[]).includes(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['whatsappTemplates', id],
          message: `expected a message that can use a template: ${TEMPLATE_MESSAGE_IDS.join(', ')}`,
        });
      }
    }
    const addresses = new Set<string>();
    file.channels.forEach((c, i) => {
      if (addresses.has(c.address))
        ctx.addIssue({ code: 'custom', path: ['channels', i, 'address'], message: `duplicate address ${c.address}` });
      addresses.add(c.address);
    });
  });

export type BusinessFile = z.infer<typeof businessFileSchema>;

export class BusinessFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: invalid business file\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BusinessFileError';
  }
}

/** `services[2].durationMinutes`, the way a person finds the place in the file. */
export function pathText(path: PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(file)'
  );
}

export function parseBusinessFile(data: unknown, source = 'business file'): BusinessFile {
  const parsed = businessFileSchema.safeParse(data);
  if (!parsed.success)
    throw new BusinessFileError(
      source,
      parsed.error.issues.map((i) => `${pathText(i.path)}: ${i.message}`),
    );
  return parsed.data;
}

export async function readBusinessFile(path: string): Promise<BusinessFile> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new BusinessFileError(path, [
      `not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`,
    ]);
  }
  return parseBusinessFile(data, path);
}
