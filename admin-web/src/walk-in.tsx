import { useState } from 'preact/hooks';
import { type ApiError, get, post } from './api';
import { useApp } from './context';
import { useLoad } from './hooks';
import { nameOf } from './names';
import { timeOf, whenLabel } from './time';
import type { Appointment, FreeSlot } from './types';
import { Empty, Failure, Field, Loading, Notice, StaffSelect } from './ui';

interface Form {
  serviceId: string;
  staffId: string;
  phone: string;
  name: string;
  address: string;
  vehicle: string;
  notes: string;
}

/** A booking for someone who phoned or walked in: a service, a free time from the picker, who they are. */
export function WalkIn() {
  const app = useApp();
  const { tx, zone, catalog } = app;
  const services = catalog.services.filter((s) => s.active);
  const [form, setForm] = useState<Form>({
    serviceId: services[0]?.id ?? '',
    staffId: '',
    phone: '',
    name: '',
    address: '',
    vehicle: '',
    notes: '',
  });
  const [date, setDate] = useState(app.date);
  const [start, setStart] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ booked: Appointment } | { error: ApiError } | null>(null);
  const slots = useLoad(
    () =>
      get<{ slots: FreeSlot[] }>(
        `/slots?serviceId=${form.serviceId}&date=${date}${form.staffId ? `&staffId=${form.staffId}` : ''}`,
      ),
    [form.serviceId, form.staffId, date, app.tick],
  );
  const set = (key: keyof Form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: e.currentTarget.value });
  const able = catalog.staff.filter((s) => s.active && s.serviceIds.includes(form.serviceId));
  const asks = (field: 'address' | 'vehicle') => catalog.intakeFields.includes(field);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!start) return;
    try {
      const booked = await post<Appointment>('/appointments', {
        serviceId: form.serviceId,
        staffId: form.staffId || undefined,
        start,
        phone: form.phone.trim(),
        name: form.name.trim(),
        address: form.address.trim() || undefined,
        vehicle: form.vehicle.trim() || undefined,
        notes: form.notes.trim() || undefined,
      });
      setOutcome({ booked });
      setForm({ ...form, phone: '', name: '', address: '', vehicle: '', notes: '' });
      setStart(null);
      app.changed();
    } catch (error) {
      setOutcome({ error: error as ApiError });
    }
  };
  const alternatives = outcome && 'error' in outcome ? ((outcome.error.body.alternatives ?? []) as FreeSlot[]) : [];
  const picker = (list: FreeSlot[], withDay = false) => (
    <div class="slots">
      {list.map((s) => (
        <button
          type="button"
          key={`${s.start}${s.staffId}`}
          class={start === s.start ? 'slot-pick picked' : 'slot-pick'}
          aria-pressed={start === s.start}
          onClick={() => setStart(s.start)}
        >
          {withDay ? whenLabel(s.start, zone, tx.locale) : timeOf(s.start, zone, tx.locale)}
        </button>
      ))}
    </div>
  );
  return (
    <form class="panel" onSubmit={submit} aria-label={tx.t('newBooking')}>
      <div class="grid">
        <Field label={tx.t('service')}>
          <select value={form.serviceId} onChange={set('serviceId')}>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {nameOf(s.names, tx.locale)} · {s.durationMinutes} min
              </option>
            ))}
          </select>
        </Field>
        {able.length > 1 && (
          <StaffSelect
            staff={able}
            value={form.staffId}
            onChange={(staffId) => setForm({ ...form, staffId })}
            anyone={tx.t('anyStaff')}
          />
        )}
        <Field label={tx.t('date')}>
          <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
      </div>
      <h3>{tx.t('freeTimes')}</h3>
      {slots.error && <Failure error={slots.error} retry={slots.reload} />}
      {slots.loading && <Loading />}
      {slots.data && slots.data.slots.length === 0 && <Empty>{tx.t('noFreeTimes')}</Empty>}
      {slots.data && picker(slots.data.slots)}
      <div class="grid">
        <Field label={tx.t('phone')}>
          <input
            type="tel"
            required
            placeholder="+15551234567"
            pattern="\+[1-9][0-9]{6,14}"
            value={form.phone}
            onInput={set('phone')}
          />
        </Field>
        <Field label={tx.t('name')}>
          <input required maxLength={120} value={form.name} onInput={set('name')} />
        </Field>
        {asks('address') && (
          <Field label={tx.t('address')}>
            <input maxLength={300} value={form.address} onInput={set('address')} />
          </Field>
        )}
        {asks('vehicle') && (
          <Field label={tx.t('vehicle')}>
            <input maxLength={120} value={form.vehicle} onInput={set('vehicle')} />
          </Field>
        )}
        <Field label={tx.t('notes')}>
          <input maxLength={1000} value={form.notes} onInput={set('notes')} />
        </Field>
      </div>
      {outcome && 'booked' in outcome && <Notice>{tx.t('bookedRef', { ref: outcome.booked.reference })}</Notice>}
      {outcome && 'error' in outcome && <Failure error={outcome.error} />}
      {alternatives.length > 0 && (
        <>
          <p>{tx.t('takenTryThese')}</p>
          {picker(alternatives, true)}
        </>
      )}
      <button type="submit" class="primary" disabled={!start} title={start ? undefined : tx.t('pickTime')}>
        {tx.t('book')}
        {start && ` · ${timeOf(start, zone, tx.locale)}`}
      </button>
    </form>
  );
}
