import type { DataSource } from 'typeorm';
import type { Locale } from '../../core/locale';
import type { AppointmentKind } from '../db/entities/appointment';
import { NotFound } from '../errors';
import { agenda, agendaRow } from '../repositories/admin/agenda';
import { appointmentMessages, type MessageLine } from '../repositories/admin/conversation';
import { customerById } from '../repositories/admin/customer-directory';
import { type AuditLine, auditTrail } from '../repositories/audit-log';
import type { CatalogRepository } from '../repositories/catalog';
import { poolSql, type Sql } from '../repositories/sql';
import { type AppointmentStatus, transitionsFrom } from '../statuses';
import type { CustomerRow } from '../db/entities/customer';
import { localDays } from './local-days';
import { type AppointmentView, appointmentViews } from './views';

/** The longest range one list request may ask for; an export may cover a year. */
export const MAX_LIST_DAYS = 62;
const MAX_EXPORT_DAYS = 366;

export interface AgendaFilter {
  /** Local dates, YYYY-MM-DD, both included. */
  from: string;
  to?: string;
  statuses?: AppointmentStatus[];
  staffId?: string;
  kind?: AppointmentKind;
}

export interface AppointmentDetail {
  appointment: AppointmentView;
  /** The statuses it may move to from where it is. */
  canBecome: AppointmentStatus[];
  customer: CustomerRow | null;
  history: AuditLine[];
  messages: MessageLine[];
}

/** What the admin page reads of the calendar: days and weeks, one appointment in full. */
export class Agenda {
  private readonly sql: Sql;

  constructor(
    db: DataSource,
    private readonly catalogs: CatalogRepository,
  ) {
    this.sql = poolSql(db);
  }

  async list(businessId: string, filter: AgendaFilter, maxDays = MAX_LIST_DAYS): Promise<AppointmentView[]> {
    const catalog = await this.catalogs.byId(businessId);
    const days = localDays(catalog.business.timezone, filter, maxDays);
    const rows = await agenda(this.sql, { businessId, ...filter, from: days.from, to: days.to });
    return appointmentViews(catalog, rows);
  }

  /** The visits of a range for a spreadsheet, with the zone and language to write them in. */
  async export(
    businessId: string,
    range: { from: string; to?: string },
  ): Promise<{ visits: AppointmentView[]; timezone: string; locale: Locale }> {
    const { business } = await this.catalogs.byId(businessId);
    const visits = await this.list(businessId, { ...range, kind: 'visit' }, MAX_EXPORT_DAYS);
    return { visits, timezone: business.timezone, locale: business.defaultLocale };
  }

  /** One appointment or block of this business, or NotFound (another business's id is not found either). */
  async view(businessId: string, id: string): Promise<AppointmentView> {
    const row = await agendaRow(this.sql, businessId, id);
    if (!row) throw new NotFound('appointment', id);
    return appointmentViews(await this.catalogs.byId(businessId), [row])[0];
  }

  async detail(businessId: string, id: string): Promise<AppointmentDetail> {
    const appointment = await this.view(businessId, id);
    const [customer, history, messages] = await Promise.all([
      appointment.customerId ? customerById(this.sql, businessId, appointment.customerId) : undefined,
      auditTrail(this.sql, businessId, id),
      appointmentMessages(this.sql, businessId, id),
    ]);
    return {
      appointment,
      canBecome: [...transitionsFrom(appointment.status)],
      customer: customer ?? null,
      history,
      messages,
    };
  }
}
