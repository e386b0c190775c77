import { get } from './api';
import { useApp } from './context';
import { useLoad } from './hooks';
import { dateOf, minuteOfDay, timeOf, weekdayOf } from './time';
import type { Appointment } from './types';
import { Empty, Failure, Loading } from './ui';

const PX_PER_MINUTE = 1.1;

const toMinute = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** The hours the day is drawn over: the business's opening hours that weekday, else 8 to 18. */
function span(hours: Record<string, string[] | undefined>, date: string): { from: number; to: number } {
  const ranges = hours[weekdayOf(date)] ?? [];
  const minutes = ranges.flatMap((r) => r.split('-').map(toMinute));
  if (minutes.length === 0) return { from: 8 * 60, to: 18 * 60 };
  return { from: Math.floor(Math.min(...minutes) / 60) * 60, to: Math.ceil(Math.max(...minutes) / 60) * 60 };
}

/** The parts of [from, to) a staff member does not work that weekday, to grey out. */
function offHours(ranges: string[], from: number, to: number): { from: number; to: number }[] {
  const off: { from: number; to: number }[] = [];
  let cursor = from;
  for (const [start, end] of ranges.map((r) => r.split('-').map(toMinute)).sort((a, b) => a[0] - b[0])) {
    if (start > cursor) off.push({ from: cursor, to: Math.min(start, to) });
    cursor = Math.max(cursor, end);
  }
  if (cursor < to) off.push({ from: cursor, to });
  return off.filter((o) => o.to > o.from);
}

/** Side by side within a lane when times overlap (a walk-in where a visit ended early): column and count. */
function columns(items: Appointment[]): Map<string, { index: number; of: number }> {
  const placed = new Map<string, { index: number; of: number }>();
  const ends: string[] = [];
  const group: string[] = [];
  const close = () => {
    for (const id of group) placed.set(id, { index: placed.get(id)!.index, of: ends.length });
    group.length = 0;
    ends.length = 0;
  };
  for (const a of [...items].sort((x, y) => x.startsAt.localeCompare(y.startsAt))) {
    if (ends.length && ends.every((end) => end <= a.startsAt)) close();
    let index = ends.findIndex((end) => end <= a.startsAt);
    if (index < 0) index = ends.push(a.busyUntil) - 1;
    else ends[index] = a.busyUntil;
    placed.set(a.id, { index, of: 1 });
    group.push(a.id);
  }
  close();
  return placed;
}

/**
 * The day as a calendar, one column per staff member: visits as blocks as tall as they last,
 * time off greyed, the current time marked. A front desk reads this faster than a table.
 */
export function DayTimeline() {
  const app = useApp();
  const { tx, zone, catalog, date } = app;
  const day = useLoad(() => get<{ appointments: Appointment[] }>(`/appointments?from=${date}`), [date, app.tick]);
  if (day.error && !day.data) return <Failure error={day.error} retry={day.reload} />;
  if (!day.data) return <Loading />;
  const { from, to } = span(catalog.hours, date);
  const staff = catalog.staff.filter((s) => s.active);
  const shown = day.data.appointments.filter((a) => a.status !== 'cancelled');
  const cancelled = day.data.appointments.length - shown.length;
  const visits = shown.filter((a) => a.kind === 'visit');
  const nowMinute = dateOf(app.now(), zone) === date ? minuteOfDay(app.now(), zone) : null;
  const top = (minute: number) => (Math.max(from, Math.min(to, minute)) - from) * PX_PER_MINUTE;
  const hourMarks = Array.from({ length: (to - from) / 60 + 1 }, (_, i) => from + i * 60);
  const height = (to - from) * PX_PER_MINUTE + 12;
  return (
    <section class="timeline" aria-label={tx.t('day')}>
      {day.error && <Failure error={day.error} retry={day.reload} />}
      {visits.length === 0 && <Empty>{tx.t('nothingBooked')}</Empty>}
      {cancelled > 0 && <p class="muted">{tx.t('cancelledCount', { n: cancelled })}</p>}
      <div class="timeline-grid">
        <div class="clock">
          <div class="lane-head" />
          <div class="lane-body" style={{ height: `${height}px` }}>
            {hourMarks.map((m) => (
              <span key={m} style={{ top: `${top(m)}px` }}>
                {timeOf(`2000-01-01T${String(m / 60).padStart(2, '0')}:00:00Z`, 'UTC', tx.locale)}
              </span>
            ))}
          </div>
        </div>
        {staff.map((member) => (
          <div class="lane" key={member.id} data-staff={member.name}>
            <h3 class="lane-head">{member.name}</h3>
            <div class="lane-body" style={{ height: `${height}px` }}>
              {hourMarks.map((m) => (
                <i key={m} class="hour-line" style={{ top: `${top(m)}px` }} />
              ))}
              {offHours(member.hours[weekdayOf(date)] ?? [], from, to).map((o) => (
                <i
                  key={o.from}
                  class="off"
                  style={{ top: `${top(o.from)}px`, height: `${top(o.to) - top(o.from)}px` }}
                />
              ))}
              {shown
                .filter((a) => a.staffId === member.id && a.busyUntil > a.endsAt)
                .map((a) => (
                  <i
                    key={`${a.id}-buffer`}
                    class="buffer"
                    title={tx.t('buffer')}
                    style={{
                      top: `${top(minuteOfDay(a.endsAt, zone))}px`,
                      height: `${top(minuteOfDay(a.busyUntil, zone)) - top(minuteOfDay(a.endsAt, zone))}px`,
                    }}
                  />
                ))}
              {(() => {
                const mine = shown.filter((a) => a.staffId === member.id);
                const placed = columns(mine);
                return mine.map((a) => <TimelineItem key={a.id} item={a} top={top} column={placed.get(a.id)!} />);
              })()}
              {nowMinute !== null && nowMinute >= from && nowMinute <= to && (
                <i class="now-line" style={{ top: `${top(nowMinute)}px` }} title={timeOf(app.now(), zone, tx.locale)} />
              )}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

/** One visit or block, as tall as it lasts on this day. */
function TimelineItem({
  item: a,
  top,
  column,
}: {
  item: Appointment;
  top: (minute: number) => number;
  column: { index: number; of: number };
}) {
  const app = useApp();
  const { tx, zone, date } = app;
  const start = dateOf(a.startsAt, zone) === date ? minuteOfDay(a.startsAt, zone) : 0;
  const end = dateOf(a.endsAt, zone) === date ? minuteOfDay(a.endsAt, zone) : 24 * 60;
  const who = a.customerName ?? a.customerPhone;
  return (
    <button
      type="button"
      class={`slot ${a.kind} status-${a.status}`}
      style={{
        top: `${top(start)}px`,
        height: `${Math.max(20, top(end) - top(start))}px`,
        left: `calc(${(100 * column.index) / column.of}% + 4px)`,
        width: `calc(${100 / column.of}% - 8px)`,
      }}
      onClick={() => a.kind === 'visit' && app.openAppointment(a.id)}
      data-ref={a.reference}
    >
      <b>
        {timeOf(a.startsAt, zone, tx.locale)} {a.kind === 'visit' ? a.serviceName : (a.notes ?? tx.t('block'))}
      </b>
      {a.kind === 'visit' && (
        <span>
          {who} · {tx.status(a.status)}
        </span>
      )}
    </button>
  );
}
