import type { Locale } from '../../core/locale';
import type { AppointmentEvent } from '../../booking/outbox-topics';
import type { Catalog } from '../../booking/repositories/catalog';
import { visitForMessaging, type VisitForMessaging } from '../../booking/repositories/notices';
import { formatWhen } from '../../dialogs/replies/format';
import { type MessageId, render, type Vars } from '../../dialogs/replies/render';
import type { WorkerContext } from '../context';
import type { OutboxJob } from '../queues';

export interface LoadedVisit {
  catalog: Catalog;
  visit: VisitForMessaging;
}

/** A visit and its business, or null when there is nobody to tell (deleted, or a time-off block). */
async function loadVisit(
  ctx: Pick<WorkerContext, 'sql' | 'catalogs'>,
  businessId: string,
  appointmentId: string,
): Promise<LoadedVisit | null> {
  const visit = await visitForMessaging(ctx.sql, businessId, appointmentId);
  if (visit?.kind !== 'visit') return null;
  return { catalog: await ctx.catalogs.byId(businessId), visit };
}

/** Which text tells whom of which change (the outbox decides who is told at all). */
const NOTICE_TEXTS: Record<'owner' | 'customer', Partial<Record<AppointmentEvent, MessageId>>> = {
  owner: {
    booked: 'ownerBooked',
    requested: 'ownerRequested',
    cancelled: 'ownerCancelled',
    rescheduled: 'ownerRescheduled',
  },
  customer: {
    booked: 'customerBooked',
    approved: 'customerApproved',
    declined: 'customerDeclined',
    cancelled: 'customerCancelled',
    rescheduled: 'customerRescheduled',
  },
};

/** The text telling `whom` of an outbox event, and the visit it is about; null when there is none to tell. */
export async function noticeOf(
  ctx: Pick<WorkerContext, 'sql' | 'catalogs'>,
  job: OutboxJob,
  whom: 'owner' | 'customer',
): Promise<(LoadedVisit & { text: MessageId }) | null> {
  const text = NOTICE_TEXTS[whom][job.event];
  const loaded = text ? await loadVisit(ctx, job.businessId, job.appointmentId) : null;
  return text && loaded ? { ...loaded, text } : null;
}

export function serviceName(catalog: Catalog, serviceId: string | null, locale: Locale): string {
  const names = catalog.services.find((s) => s.id === serviceId)?.names ?? {};
  return names[locale] ?? names[catalog.business.defaultLocale] ?? Object.values(names)[0] ?? '';
}

/** Every variable the visit templates use (reminder, owner*, customer*), in one language. */
export function visitVars({ catalog, visit }: LoadedVisit, locale: Locale): Vars {
  return {
    business: catalog.business.name,
    service: serviceName(catalog, visit.serviceId, locale),
    when: formatWhen(visit.startsAt, catalog.business.timezone, locale),
    ref: visit.reference,
    customer: visit.customerName ?? visit.phone ?? '',
    address: visit.address ? render('atAddress', locale, { address: visit.address }) : '',
    reason: visit.cancelReason ? render('cancelReason', locale, { reason: visit.cancelReason }) : '',
  };
}
