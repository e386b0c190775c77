import type { Job } from 'bullmq';
import { DateTime } from 'luxon';
import { timeZone } from '../../core/time-zone';
import { loadDayAgenda } from '../../booking/agenda';
import { agendaVars } from '../../dialogs/replies/agenda';
import { enqueueForOwners } from '../compose/owners';
import { ownerEndpoint } from '../compose/recipients';
import type { WorkerContext } from '../context';
import type { DigestJob } from '../queues';

/**
 * The owner's morning digest: the day as the owner's `today` command lists it (visits and blocks
 * in order, then the free time), in the business's timezone and language. The day is the
 * business's local date when the job runs, so a DST change (a 23- or 25-hour day) is counted by
 * the calendar, not by 24 hours.
 */
export async function sendDigest(ctx: WorkerContext, job: Job<DigestJob>): Promise<string> {
  const catalog = await ctx.catalogs.byId(job.data.businessId);
  const { business } = catalog;
  if (business.ownerPhones.length === 0) return 'nobody to send to';
  if (!ownerEndpoint(catalog)) return 'no number to send from';
  const locale = business.defaultLocale;
  const now = ctx.clock.now();
  const agenda = await loadDayAgenda(ctx.sql, catalog, now, now);
  const visits = agenda.entries.filter((e) => e.kind === 'visit').length;
  const text = {
    id: agenda.entries.length ? ('digest' as const) : ('digestEmpty' as const),
    locale,
    vars: { business: business.name, ...agendaVars(agenda, locale) },
  };
  const told = await enqueueForOwners(ctx, catalog, {
    text,
    key: `digest/${business.id}/${DateTime.fromJSDate(agenda.day, { zone: timeZone(business.timezone) }).toISODate()}`,
    purpose: 'digest',
    appointmentId: null,
  });
  return told ? `${visits} visit(s) to ${told} phone(s)` : 'no number to send from';
}
