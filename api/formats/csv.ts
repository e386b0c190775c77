import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { Locale } from '../../core/locale';
import { timeZone } from '../../core/time-zone';
import type { AppointmentView } from '../../booking/admin/views';
import type { AppointmentStatus } from '../../booking/statuses';

const HEADERS: Record<Locale, string[]> = {
  en: [
    'Reference',
    'Date',
    'Start',
    'End',
    'Status',
    'Service',
    'Staff',
    'Customer',
    'Phone',
    'Address',
    'Notes',
    'Price',
    'Booked via',
  ],
  es: [
    'Código',
    'Fecha',
    'Inicio',
    'Término',
    'Estado',
    'Servicio',
    'Profesional',
    'Cliente',
    'Teléfono',
    'Dirección',
    'Notas',
    'Precio',
    'Agendado por',
  ],
};

const STATUS: Record<Locale, Record<AppointmentStatus, string>> = {
  en: {
    pending_approval: 'awaiting approval',
    booked: 'booked',
    confirmed: 'confirmed',
    in_progress: 'in progress',
    completed: 'completed',
    cancelled: 'cancelled',
    no_show: 'no-show',
  },
  es: {
    pending_approval: 'por aprobar',
    booked: 'agendada',
    confirmed: 'confirmada',
    in_progress: 'en curso',
    completed: 'completada',
    cancelled: 'anulada',
    no_show: 'no asistió',
  },
};

/**
 * Text a customer typed, as a cell a spreadsheet will not run: one starting with = + - @ would
 * be read as a formula (CSV injection), so it is kept as text with a leading apostrophe.
 */
function text(value: string | null): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Visits of a range as CSV: a header row in the business's language, one visit a line, dates and
 * times on the business's wall clock. UTF-8 with a byte-order mark, which is what makes Excel
 * read "Pérez" and "Año" as written instead of as Latin-1.
 */
export function visitsCsv(visits: AppointmentView[], timezone: string, locale: Locale): string {
  const zone = timeZone(timezone);
  const local = (d: Date, format: string) => DateTime.fromJSDate(d, { zone }).toFormat(format);
  return stringify(
    visits.map((v) => [
      v.reference,
      local(v.startsAt, 'yyyy-LL-dd'),
      local(v.startsAt, 'HH:mm'),
      local(v.endsAt, 'HH:mm'),
      STATUS[locale][v.status],
      v.serviceName ?? '',
      v.staffName,
      text(v.customerName),
      v.customerPhone ?? '',
      text(v.address),
      text(v.notes),
      v.priceCents === null ? '' : (v.priceCents / 100).toFixed(2),
      v.sourceChannel ?? '',
    ]),
    { bom: true, header: true, columns: HEADERS[locale], record_delimiter: 'windows' },
  );
}
