import { DateTime } from 'luxon';
import { timeZone } from '../../core/time-zone';
import { agendaEntry } from '../../booking/agenda';
import type { AgendaRow } from '../../booking/repositories/agenda';
import { isActive } from '../../booking/statuses';
import type { When } from '../../dialogs/engine/types';
import { agendaDate, agendaLine, clockRange } from '../../dialogs/replies/agenda';
import { formatClock } from '../../dialogs/replies/format';
import { ownerActor, type OwnerTurn } from './owner-turn';
import type { OwnerCommand } from './parse-command';
import { findVisit } from './references';
import { explainRefusal } from './visit-commands';

type BlockCommand = Extract<OwnerCommand, { kind: 'block' }>;

const HOUR = 60;

/**
 * "block tomorrow 1-3pm", "off fri", "block now 2h": time off for the person named, else for
 * everyone, under the same constraint as visits. Over a visit it is refused with the visits it
 * would cover: the owner's own time is never double-booked silently.
 */
export async function blockTime(t: OwnerTurn, command: BlockCommand): Promise<string> {
  const span = spanOf(t, command);
  if (!span) return t.speech.say('ownerBlockAsk');
  const staff = t.catalog.staff.filter((s) => s.active && (!command.staffKey || s.key === command.staffKey));
  const outcome = await t.booking.appointments.blockStaff({
    businessId: t.catalog.business.id,
    staffIds: staff.map((s) => s.id),
    start: span.start,
    end: span.end,
    actor: ownerActor(t),
  });
  const said = describeSpan(t, span.start, span.end);
  if (!outcome.ok) {
    const held = new Set(outcome.conflicts.map((c) => c.id));
    const rows = (await t.booking.agenda.between(t.catalog.business.id, span.start, span.end)).filter((r) =>
      held.has(r.id),
    );
    const list = rows.map((r) => agendaLine(agendaEntry(t.catalog, r), t.catalog.business.timezone, t.speech.locale));
    return t.speech.say('ownerBlockConflict', { span: said, list: list.join('; ') });
  }
  const refs = outcome.blocks.map((b) => b.reference).sort();
  const named = command.staffKey && t.catalog.staff.length > 1 ? `, ${staff[0].name}` : '';
  return t.speech.say('ownerBlocked', { span: said, staff: named, refs: refs.join(', '), ref: refs[0] });
}

/**
 * What "unblock …" frees: by code, the block and those made with it (one per staff member); by
 * day or time, every block that meets it. Each is cancelled through the booking service.
 */
export async function unblockTime(t: OwnerTurn, ref: string | null, when: When | null): Promise<string> {
  const businessId = t.catalog.business.id;
  let blocks: AgendaRow[];
  if (ref) {
    const found = await findVisit(t, ref);
    if (!found.ok) return found.reply;
    const block = found.visit;
    if (block.kind !== 'block' || !isActive(block.status)) return t.speech.say('ownerNoBlock');
    blocks = (await t.booking.agenda.between(businessId, block.startsAt, block.endsAt)).filter(
      (b) => b.kind === 'block' && isActive(b.status) && +b.startsAt === +block.startsAt && +b.endsAt === +block.endsAt,
    );
  } else if (when) {
    const rows = await t.booking.agenda.between(businessId, new Date(when.start), new Date(when.end));
    blocks = rows.filter((b) => b.kind === 'block' && isActive(b.status));
  } else return t.speech.say('ownerNeedsReference', { command: 'unblock' });
  if (blocks.length === 0) return t.speech.say('ownerNoBlock');
  for (const block of blocks) {
    try {
      await t.booking.appointments.cancel({
        businessId,
        appointmentId: block.id,
        expectedVersion: block.version,
        actor: ownerActor(t),
      });
    } catch (error) {
      return explainRefusal(t, block, 'cancel', error);
    }
  }
  // Blocks made together (one per staff member) are one span: "Tue Nov 24 1:00 PM-3:00 PM (K7WM, X9TA)".
  const spans = new Map<string, string[]>();
  for (const b of blocks) {
    const span = describeSpan(t, b.startsAt, b.endsAt);
    spans.set(span, [...(spans.get(span) ?? []), b.reference].sort());
  }
  const list = [...spans].map(([span, refs]) => `${span} (${refs.join(', ')})`);
  return t.speech.say('ownerUnblocked', { list: list.join(', ') });
}

/** The time a block command names; null when it names none that can be held. */
function spanOf(t: OwnerTurn, { when, minutes }: BlockCommand): { start: Date; end: Date } | null {
  const now = DateTime.fromJSDate(t.now, { zone: timeZone(t.catalog.business.timezone) }).startOf('minute');
  if (minutes !== null) {
    // "block now 2h", "block 3pm 1h": a length from a moment; a later day alone has no moment.
    const start = when ? DateTime.fromISO(when.start) : now;
    const vague = when && (when.grain === 'day' || when.grain === 'week') && +start > +now.plus({ minutes: 1 });
    if (vague) return null;
    return { start: start.toJSDate(), end: start.plus({ minutes }).toJSDate() };
  }
  if (!when) return null;
  const start = DateTime.fromISO(when.start);
  const end = DateTime.fromISO(when.end);
  // "block fri 3pm": an hour, unless a length or an end is said.
  return { start: start.toJSDate(), end: (+end > +start ? end : start.plus({ minutes: HOUR })).toJSDate() };
}

/** "Tue Nov 24 1:00 PM-3:00 PM"; a span over several days names both ends. */
function describeSpan(t: OwnerTurn, start: Date, end: Date): string {
  const { timezone } = t.catalog.business;
  const { locale } = t.speech;
  const [from, to] = [agendaDate(start, timezone, locale), agendaDate(new Date(end.getTime() - 1), timezone, locale)];
  const zone = timeZone(timezone);
  const midnight = (d: Date) => +DateTime.fromJSDate(d, { zone }).startOf('day') === +d;
  // Whole days are named by their dates alone.
  if (midnight(start) && midnight(end)) return from === to ? from : `${from} - ${to}`;
  if (from === to) return `${from} ${clockRange(start, end, timezone, locale)}`;
  return `${from} ${formatClock(start, timezone, locale)} - ${to} ${formatClock(end, timezone, locale)}`;
}
