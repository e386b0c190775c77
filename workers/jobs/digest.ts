import type { Job } from 'bullmq';
import { DateTime } from 'luxon';
import type { Locale } from '../../core/locale';
import { dayAgenda } from '../../booking/repositories/notices';
import { formatClock } from '../../dialogs/replies/format';
import { enqueueForOwners } from '../compose/owners';
import { ownerEndpoint } from '../compose/recipients';
import { serviceName } from '../compose/visit';
import type { WorkerContext } from '../context';
import type { DigestJob } from '../queues';
import { timeZone } from '../../core/time-zone';

const DAY_FORMAT: Record<Locale, { tag: string; format: string }> = {
  en: { tag: 'en-US', format: 'ccc LLL d' },
  es: { tag: 'es-CL', format: 'ccc d LLL' },
};

/**
 * The owner's morning digest: the day's visits, in the business's timezone and language. The day
 * is the business's local date when the job runs, so a DST change (a 23- or 25-hour day) is
 * counted by the calendar, not by 24 hours.
 */
export async function sendDigest(ctx: WorkerContext, job: Job<DigestJob>): Promise<string> {
  const catalog = await ctx.catalogs.byId(job.data.businessId);
  const { business } = catalog;
  if (business.ownerPhones.length === 0) return 'nobody to send to';
  if (!ownerEndpoint(catalog)) return 'no number to send from';
  const locale = business.defaultLocale;
  const day = DateTime.fromJSDate(ctx.clock.now(), { zone: timeZone(business.timezone) }).startOf('day');
  const agenda = await dayAgenda(ctx.sql, business.id, day.toJSDate(), day.plus({ days: 1 }).toJSDate());
  const list = agenda
    .map(
      (a) =>
        `${formatClock(a.startsAt, business.timezone, locale)} ${serviceName(catalog, a.serviceId, locale)}, ${a.customerName ?? a.phone} (${a.reference})`,
    )
    .join('; ');
  const date = day.setLocale(DAY_FORMAT[locale].tag).toFormat(DAY_FORMAT[locale].format).replace(/\./g, '');
  const text = {
    id: agenda.length ? ('digest' as const) : ('digestEmpty' as const),
    locale,
    vars: { business: business.name, date, list },
  };
  const told = await enqueueForOwners(ctx, catalog, {
    text,
    key: `digest/${business.id}/${day.toISODate()}`,
    purpose: 'digest',
    appointmentId: null,
  });
  return told ? `${agenda.length} visit(s) to ${told} phone(s)` : 'no number to send from';
}
