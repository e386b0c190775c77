import { useState } from 'preact/hooks';
import { ApiError, del, get, post } from './api';
import { useApp } from './context';
import { useLoad } from './hooks';
import { instantAt, timeOf, whenLabel } from './time';
import type { Appointment } from './types';
import { Empty, Failure, Field, Notice, StaffSelect } from './ui';

/** Time off for a staff member; refused, with the visits in the way, when the time is not free. */
export function BlockTime() {
  const app = useApp();
  const { tx, zone, catalog } = app;
  const staff = catalog.staff.filter((s) => s.active);
  const [staffId, setStaffId] = useState(staff[0]?.id ?? '');
  const [date, setDate] = useState(app.date);
  const [from, setFrom] = useState('12:00');
  const [to, setTo] = useState('13:00');
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<'blocked' | ApiError | null>(null);
  const blocks = useLoad(() => get<{ appointments: Appointment[] }>(`/blocks?from=${date}`), [date, app.tick]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setOutcome(null);
    try {
      await post('/blocks', {
        staffId,
        start: instantAt(date, from, zone).toISOString(),
        end: instantAt(date, to, zone).toISOString(),
        notes: notes.trim() || undefined,
      });
      setOutcome('blocked');
      setNotes('');
      app.changed();
    } catch (error) {
      setOutcome(error as ApiError);
    }
  };
  const remove = async (id: string) => {
    try {
      await del(`/blocks/${id}`);
      app.changed();
    } catch (error) {
      setOutcome(error as ApiError);
    }
  };
  const conflicts = outcome instanceof ApiError ? ((outcome.body.conflicts ?? []) as Appointment[]) : [];
  return (
    <section aria-label={tx.t('block')}>
      <form class="panel" onSubmit={submit}>
        <div class="grid">
          <StaffSelect staff={staff} value={staffId} onChange={setStaffId} />
          <Field label={tx.t('date')}>
            <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </Field>
          <Field label={tx.t('from')}>
            <input type="time" step={900} value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </Field>
          <Field label={tx.t('to')}>
            <input type="time" step={900} value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </Field>
          <Field label={tx.t('notes')}>
            <input maxLength={300} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
          </Field>
        </div>
        {outcome === 'blocked' && <Notice>{tx.t('blocked')}</Notice>}
        {outcome instanceof ApiError && <Failure error={outcome} />}
        {conflicts.length > 0 && (
          <>
            <p>{tx.t('inTheWay')}</p>
            <ul class="list">
              {conflicts.map((c) => (
                <li key={c.id}>
                  {whenLabel(c.startsAt, zone, tx.locale)} · {c.serviceName} · {c.customerName ?? c.customerPhone} ·{' '}
                  {c.reference}
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="submit" class="primary">
          {tx.t('blockIt')}
        </button>
      </form>
      <h3>{tx.t('blocksOfDay')}</h3>
      {blocks.error && <Failure error={blocks.error} retry={blocks.reload} />}
      {blocks.data?.appointments.length === 0 && <Empty>{tx.t('noBlocks')}</Empty>}
      <ul class="list">
        {blocks.data?.appointments.map((b) => (
          <li key={b.id} class="row block">
            {timeOf(b.startsAt, zone, tx.locale)}–{timeOf(b.endsAt, zone, tx.locale)} · {b.staffName} · {b.notes}
            <button type="button" class="quiet" onClick={() => remove(b.id)}>
              {tx.t('remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
