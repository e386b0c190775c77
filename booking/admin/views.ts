import type { Locale } from '../../core/locale';
import type { AgendaRow } from '../repositories/admin/agenda';
import type { Catalog } from '../repositories/catalog';

/** An appointment or block as the admin page shows it: the row with its service and staff named. */
export interface AppointmentView extends AgendaRow {
  staffName: string;
  serviceName: string | null;
  priceCents: number | null;
}

/** A name in the locale asked for, else the business's, else any. */
export function nameIn(names: Partial<Record<Locale, string>>, locale: Locale, fallback: Locale): string {
  return names[locale] ?? names[fallback] ?? Object.values(names)[0] ?? '';
}

/** Names rows after the catalog, in the business's language (the page's language). */
export function appointmentViews(catalog: Catalog, rows: AgendaRow[]): AppointmentView[] {
  const locale = catalog.business.defaultLocale;
  const staff = new Map(catalog.staff.map((s) => [s.id, s.name]));
  const services = new Map(catalog.services.map((s) => [s.id, s]));
  return rows.map((row) => {
    const service = row.serviceId ? services.get(row.serviceId) : undefined;
    return {
      ...row,
      staffName: staff.get(row.staffId) ?? '',
      serviceName: service ? nameIn(service.names, locale, locale) : null,
      priceCents: service?.priceCents ?? null,
    };
  });
}
