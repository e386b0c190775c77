import { useState } from 'preact/hooks';
import { get } from './api';
import { cancelWith, moveTo, setStatus, useChange } from './changes';
import { useApp } from './context';
import { useLoad } from './hooks';
import { dateOf, instantAt, minuteOfDay, timeOf, whenLabel } from './time';
import type { Texts } from './i18n';
import type { AppointmentFull, Status } from './types';
import { Failure, Field, Loading, StaffSelect } from './ui';

/** A line of the audit log in words: "Confirmed", "Moved to Tue 10:00 AM", "Cancelled: sick". */
function historyAction(h: AppointmentFull['history'][number], tx: Texts): string {
  const after = (h.details.after ?? {}) as { status?: Status; cancelReason?: string };
  if (h.action.startsWith('status:')) {
    const status = tx.status(h.action.slice('status:'.length) as Status);
    return after.cancelReason ? `${status}: “${after.cancelReason}”` : status;
  }
  return h.action === 'reschedule' ? tx.t('move') : h.action;
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** One visit in full: customer, vehicle and address, history, messages; change its status, move it, cancel it. */
export function AppointmentPanel({ id, close }: { id: string; close: () => void }) {
  const app = useApp();
  const { tx, zone, catalog } = app;
  const loaded = useLoad(() => get<AppointmentFull>(`/appointments/${id}`), [id, app.tick]);
  const { run, feedback } = useChange();
  const [moveDate, setMoveDate] = useState('');
  const [moveTime, setMoveTime] = useState('');
  const [moveStaff, setMoveStaff] = useState('');
  const [reason, setReason] = useState('');
  const body = () => {
    if (loaded.error && !loaded.data) return <Failure error={loaded.error} retry={loaded.reload} />;
    if (!loaded.data) return <Loading />;
    const { appointment: a, customer, history, messages, canBecome } = loaded.data;
    const active = ['pending_approval', 'booked', 'confirmed'].includes(a.status);
    const staffFor = catalog.staff.filter((s) => s.active && a.serviceId && s.serviceIds.includes(a.serviceId));
    const date = moveDate || dateOf(a.startsAt, zone);
    const time = moveTime || hhmm(minuteOfDay(a.startsAt, zone));
    return (
      <>
        <h2>
          {a.serviceName} · {a.reference}
        </h2>
        <p class="when">
          {whenLabel(a.startsAt, zone, tx.locale)}–{timeOf(a.endsAt, zone, tx.locale)} · {a.staffName} ·{' '}
          <span class={`pill status-${a.status}`}>{tx.status(a.status)}</span>
        </p>
        {feedback}
        <dl class="details">
          <dt>{tx.t('customer')}</dt>
          <dd>
            {a.customerName ?? '–'} {customer?.optedOutAt && <em class="warn">{tx.t('optedOut')}</em>}
          </dd>
          <dt>{tx.t('phone')}</dt>
          <dd>{a.customerPhone}</dd>
          {(a.address || customer?.details.address) && (
            <>
              <dt>{tx.t('address')}</dt>
              <dd>{a.address ?? customer?.details.address}</dd>
            </>
          )}
          {customer?.details.vehicle && (
            <>
              <dt>{tx.t('vehicle')}</dt>
              <dd>{customer.details.vehicle}</dd>
            </>
          )}
          {a.notes && a.notes !== customer?.details.vehicle && (
            <>
              <dt>{tx.t('notes')}</dt>
              <dd>{a.notes}</dd>
            </>
          )}
        </dl>
        <div class="actions">
          {canBecome
            .filter((s) => s !== 'cancelled')
            .map((s) => (
              <button type="button" key={s} onClick={() => run(setStatus(a.id, s), a.version)}>
                {tx.status(s)}
              </button>
            ))}
          {a.customerId && (
            <button type="button" class="quiet" onClick={() => app.openCustomer(a.customerId!)}>
              {tx.t('openConversation')}
            </button>
          )}
        </div>
        {active && (
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(moveTo(a.id, instantAt(date, time, zone).toISOString(), moveStaff || undefined), a.version);
            }}
          >
            <h3>{tx.t('move')}</h3>
            <Field label={tx.t('date')}>
              <input type="date" value={date} onInput={(e) => setMoveDate(e.currentTarget.value)} />
            </Field>
            <Field label={tx.t('time')}>
              <input type="time" step={900} value={time} onInput={(e) => setMoveTime(e.currentTarget.value)} />
            </Field>
            {staffFor.length > 1 && (
              <StaffSelect staff={staffFor} value={moveStaff} onChange={setMoveStaff} anyone={tx.t('anyStaff')} />
            )}
            <button type="submit">{tx.t('move')}</button>
          </form>
        )}
        {active && (
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) void run(cancelWith(a.id, reason.trim()), a.version);
            }}
          >
            <h3>{tx.t('cancelVisit')}</h3>
            <Field label={tx.t('reason')}>
              <input value={reason} required maxLength={500} onInput={(e) => setReason(e.currentTarget.value)} />
            </Field>
            <button type="submit" class="danger">
              {tx.t('cancelVisit')}
            </button>
          </form>
        )}
        <h3>{tx.t('history')}</h3>
        <ol class="history">
          <li>
            {whenLabel(a.createdAt, zone, tx.locale)} · {tx.t('bookedVia', { channel: a.sourceChannel ?? '–' })}
          </li>
          {history.map((h) => (
            <li key={`${h.at}${h.action}`}>
              {whenLabel(h.at, zone, tx.locale)} · {historyAction(h, tx)} · {h.actorEmail ?? h.actor.split(':')[0]}
            </li>
          ))}
        </ol>
        {messages.length > 0 && (
          <>
            <h3>{tx.t('messages')}</h3>
            <ul class="messages">
              {messages.map((m) => (
                <li key={m.id} class={m.direction}>
                  <span>{m.body}</span>
                  <small>
                    {whenLabel(m.createdAt, zone, tx.locale)} · {m.purpose} · {m.status}
                  </small>
                </li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  };
  return (
    <Sheet close={close} label={tx.t('close')}>
      {body()}
    </Sheet>
  );
}

/** A panel over the page: full screen on a phone, at the side on a desktop; the shade behind closes it. */
export function Sheet({
  close,
  label,
  children,
}: {
  close: () => void;
  label: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="sheet-layer">
      <button type="button" class="sheet-backdrop" aria-label={label} onClick={close} />
      <div class="sheet" role="dialog" aria-modal="true">
        <button type="button" class="close" onClick={close} aria-label={label}>
          ×
        </button>
        {children}
      </div>
    </div>
  );
}
