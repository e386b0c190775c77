import type { Locale } from '../../core/locale';
import { WEEKDAYS, type WeeklyHours } from '../../booking/availability/weekly-hours';
import type { AppointmentRow } from '../../booking/db/entities/appointment';
import type { Channel } from '../../booking/db/entities/channel-endpoint';
import type { ServiceRow } from '../../booking/db/entities/service';
import type { Catalog } from '../../booking/repositories/catalog';
import { formatClock, formatPrice, formatSlot, formatWhen, joinList, numbered } from '../../dialogs/replies/format';
import { type MessageId, render, type Vars } from '../../dialogs/replies/render';

/**
 * Replies for one business and one customer language: fills in the business's name, its stop
 * word and an example, and formats its services, hours and appointments.
 */
export class Speech {
  constructor(
    readonly catalog: Catalog,
    readonly locale: Locale,
    readonly channel: Channel,
  ) {}

  say(id: MessageId, vars: Vars = {}): string {
    return render(
      id,
      this.locale,
      { business: this.catalog.business.name, stop: this.stopWord(), example: this.example(), ...vars },
      this.channel,
    );
  }

  serviceName(service: Pick<ServiceRow, 'names'>): string {
    return (
      service.names[this.locale] ??
      service.names[this.catalog.business.defaultLocale] ??
      Object.values(service.names)[0] ??
      ''
    );
  }

  /** The service's name as it reads inside a sentence ("your oil change"); empty for none. */
  serviceInSentence(service: Pick<ServiceRow, 'names'> | undefined): string {
    return service ? this.serviceName(service).toLowerCase() : '';
  }

  serviceById(id: string | null): ServiceRow | undefined {
    return this.catalog.services.find((s) => s.id === id);
  }

  staffName(staffId: string | null | undefined): string {
    return this.catalog.staff.find((s) => s.id === staffId)?.name ?? '';
  }

  when(instant: Date | string): string {
    return formatWhen(instant, this.catalog.business.timezone, this.locale);
  }

  options(starts: (Date | string)[]): string {
    return numbered(starts.map((s) => formatSlot(s, this.catalog.business.timezone, this.locale)));
  }

  /** Only offer to staff members' names when the business has more than one. */
  withStaff(staffId: string | null | undefined): string {
    return this.catalog.staff.filter((s) => s.active).length > 1 && staffId
      ? this.say('withStaff', { staff: this.staffName(staffId) })
      : '';
  }

  appointmentLine(a: AppointmentRow): string {
    return `${this.when(a.startsAt)} ${this.serviceName(this.serviceById(a.serviceId) ?? { names: {} })} (${a.reference})`;
  }

  servicesList(): string {
    return this.catalog.services
      .filter((s) => s.active)
      .map((s) =>
        s.priceCents === null
          ? this.serviceName(s)
          : `${this.serviceName(s)} ${formatPrice(s.priceCents, this.locale)}`,
      )
      .join(', ');
  }

  serviceNames(): string {
    return joinList(
      this.catalog.services.filter((s) => s.active).map((s) => this.serviceName(s)),
      this.say('and'),
    );
  }

  /** "Mon–Sat 8:00 AM–5:00 PM": consecutive days with the same hours are run together. */
  hours(hours: WeeklyHours = this.catalog.business.settings.openingHours): string {
    const tz = this.catalog.business.timezone;
    const dayNames = WEEKDAYS.map(
      (_, i) => formatWhen(new Date(Date.UTC(2026, 10, 23 + i, 18)), tz, this.locale).split(' ')[0],
    );
    const clock = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number);
      return formatClock(new Date(Date.UTC(2026, 0, 1, h % 24, m)), 'UTC', this.locale);
    };
    const text = (i: number) => (hours[WEEKDAYS[i]] ?? []).map((r) => `${clock(r.from)}–${clock(r.to)}`).join(', ');
    const runs: string[] = [];
    for (let i = 0; i < 7; ) {
      let j = i;
      while (j + 1 < 7 && text(j + 1) === text(i)) j++;
      if (text(i)) runs.push(`${dayNames[i]}${j > i ? `–${dayNames[j]}` : ''} ${text(i)}`);
      i = j + 1;
    }
    return joinList(runs, this.say('and')) || this.say('closed');
  }

  private stopWord(): string {
    return this.locale === 'es' ? (this.catalog.business.settings.extraOptOutKeywords[0] ?? 'STOP') : 'STOP';
  }

  private example(): string {
    const first = this.catalog.services.find((s) => s.active);
    return render('exampleBooking', this.locale, { service: this.serviceInSentence(first) });
  }
}
