import { useState } from 'preact/hooks';
import { get } from './api';
import { NEXT, setStatus, useChange } from './changes';
import { useApp } from './context';
import { useLoad } from './hooks';
import { timeOf } from './time';
import type { Appointment, Status } from './types';
import { Empty, Failure, Loading } from './ui';

const COLUMNS: Status[] = [
  'pending_approval',
  'booked',
  'confirmed',
  'in_progress',
  'completed',
  'no_show',
  'cancelled',
];

/**
 * The day's visits by status. A card moves with one tap (its next step) or by dragging it to a
 * column; dropping on "cancelled" opens the visit, since a cancel needs a reason.
 */
export function StatusBoard() {
  const app = useApp();
  const { tx, zone, date } = app;
  const day = useLoad(
    () => get<{ appointments: Appointment[] }>(`/appointments?from=${date}&kind=visit`),
    [date, app.tick],
  );
  const { run, feedback } = useChange();
  const [over, setOver] = useState<Status | null>(null);
  if (day.error && !day.data) return <Failure error={day.error} retry={day.reload} />;
  if (!day.data) return <Loading />;
  const visits = day.data.appointments;
  const move = (visit: Appointment, to: Status) => {
    if (to === visit.status) return;
    if (to === 'cancelled') app.openAppointment(visit.id);
    else void run(setStatus(visit.id, to), visit.version);
  };
  const onDrop = (event: DragEvent, to: Status) => {
    event.preventDefault();
    setOver(null);
    const visit = visits.find((v) => v.id === event.dataTransfer?.getData('text/plain'));
    if (visit) move(visit, to);
  };
  return (
    <section aria-label={tx.t('board')}>
      {feedback}
      {day.error && <Failure error={day.error} retry={day.reload} />}
      {visits.length === 0 && <Empty>{tx.t('nothingBooked')}</Empty>}
      <div class="board">
        {COLUMNS.filter((c) => c !== 'pending_approval' || visits.some((v) => v.status === c)).map((column) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for dragging; every move also has its button
          <div
            key={column}
            class={`column ${over === column ? 'over' : ''}`}
            data-status={column}
            onDragOver={(e) => {
              e.preventDefault();
              setOver(column);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(e) => onDrop(e, column)}
          >
            <h3>
              {tx.status(column)} <small>{visits.filter((v) => v.status === column).length}</small>
            </h3>
            {visits
              .filter((v) => v.status === column)
              .map((visit) => {
                const next = NEXT[visit.status];
                return (
                  <article
                    key={visit.id}
                    class="card"
                    draggable
                    data-ref={visit.reference}
                    onDragStart={(e) => e.dataTransfer?.setData('text/plain', visit.id)}
                  >
                    <button type="button" class="card-open" onClick={() => app.openAppointment(visit.id)}>
                      <b>{timeOf(visit.startsAt, zone, tx.locale)}</b> {visit.serviceName}
                      <span>
                        {visit.customerName ?? visit.customerPhone} · {visit.reference}
                      </span>
                    </button>
                    {next && (
                      <button type="button" class="next" onClick={() => move(visit, next)}>
                        → {tx.status(next)}
                      </button>
                    )}
                  </article>
                );
              })}
          </div>
        ))}
      </div>
    </section>
  );
}
