import { get } from './api';
import { useApp } from './context';
import { useLoad } from './hooks';
import { addDays, dateOf, dayLabel, hourLabel, money, mondayOf, shortDay, timeOf } from './time';
import type { Appointment, Stats } from './types';
import { Empty, Failure, Loading } from './ui';

/** The week of the chosen day: visits per day as a small chart, the week's numbers, then each day's list. */
export function WeekView() {
  const app = useApp();
  const { tx, zone } = app;
  const from = mondayOf(app.date);
  const to = addDays(from, 6);
  const week = useLoad(
    () =>
      Promise.all([
        get<Stats>(`/stats?from=${from}&to=${to}`),
        get<{ appointments: Appointment[] }>(`/appointments?from=${from}&to=${to}&kind=visit`),
      ]),
    [from, app.tick],
  );
  if (week.error && !week.data) return <Failure error={week.error} retry={week.reload} />;
  if (!week.data) return <Loading />;
  const [stats, { appointments }] = week.data;
  const most = Math.max(1, ...stats.perDay.map((d) => d.visits));
  const showDay = (date: string) => {
    app.setDate(date);
    app.go('day');
  };
  return (
    <section aria-label={tx.t('week')}>
      {week.error && <Failure error={week.error} retry={week.reload} />}
      <div class="chart" role="img" aria-label={stats.perDay.map((d) => `${d.date}: ${d.visits}`).join(', ')}>
        {stats.perDay.map((d) => (
          <button
            type="button"
            key={d.date}
            class={d.date === app.today() ? 'bar today' : 'bar'}
            onClick={() => showDay(d.date)}
          >
            <span class="count">{d.visits}</span>
            <i style={{ height: `${(d.visits / most) * 100}%` }} />
            <span class="label">{shortDay(d.date, tx.locale)}</span>
          </button>
        ))}
      </div>
      <dl class="numbers">
        <div>
          <dt>{tx.t('booked')}</dt>
          <dd>{stats.total - stats.byStatus.cancelled}</dd>
        </div>
        <div>
          <dt>{tx.t('completed')}</dt>
          <dd>{stats.byStatus.completed}</dd>
        </div>
        <div>
          <dt>{tx.t('noShows')}</dt>
          <dd>{stats.byStatus.no_show}</dd>
        </div>
        <div>
          <dt>{tx.t('cancellations')}</dt>
          <dd>{stats.byStatus.cancelled}</dd>
        </div>
        <div>
          <dt>{tx.t('revenue')}</dt>
          <dd>{money(stats.estimatedRevenueCents, tx.locale)}</dd>
        </div>
        <div>
          <dt>{tx.t('busiest')}</dt>
          <dd>{stats.busiestHours.map((h) => hourLabel(h.hour, tx.locale)).join(', ') || '–'}</dd>
        </div>
      </dl>
      {appointments.length === 0 && <Empty>{tx.t('nothingThisWeek')}</Empty>}
      {stats.perDay
        .filter((d) => appointments.some((a) => dateOf(a.startsAt, zone) === d.date))
        .map((d) => (
          <div key={d.date} class="week-day">
            <h3>{dayLabel(d.date, tx.locale, true)}</h3>
            <ul class="list">
              {appointments
                .filter((a) => dateOf(a.startsAt, zone) === d.date)
                .map((a) => (
                  <li key={a.id}>
                    <button type="button" class={`row status-${a.status}`} onClick={() => app.openAppointment(a.id)}>
                      <b>{timeOf(a.startsAt, zone, tx.locale)}</b> {a.serviceName} · {a.customerName ?? a.customerPhone}{' '}
                      <em>{tx.status(a.status)}</em>
                    </button>
                  </li>
                ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
