import { timeZone } from '../../core/time-zone';
import type { Feed } from '../../booking/admin/calendar-feeds';
import type { AppointmentView } from '../../booking/admin/views';
import { stamp, vtimezone } from './vtimezone';

const YEAR_MS = 366 * 86_400_000;

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11). */
function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after CRLF and a space (3.1), never inside a character. */
function fold(line: string): string {
  // A line of at most 25 UTF-16 units is at most 75 octets, whatever its characters.
  if (line.length <= 25 || Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (d: Date) => `${stamp(d.getTime())}Z`;

/** The lines of one event, appended to `out`. */
function event(out: string[], v: AppointmentView, timezone: string, dtstamp: string): void {
  const zone = timeZone(timezone);
  const local = (d: Date) => stamp(d.getTime(), zone.offset(d.getTime()));
  const isBlock = v.kind === 'block';
  const who = v.customerName ?? v.customerPhone ?? '';
  const summary = isBlock
    ? `${v.notes ?? 'Time off'} (${v.staffName})`
    : `${v.serviceName ?? ''}${who ? ` – ${who}` : ''} (${v.reference})`;
  const description = isBlock
    ? [v.staffName]
    : [`Ref ${v.reference}`, v.staffName, v.customerPhone, v.notes, `Status: ${v.status.replace('_', ' ')}`];
  out.push(
    'BEGIN:VEVENT',
    // The appointment's id never changes, so a moved visit moves in the calendar instead of doubling.
    `UID:${v.id}@textbook`,
    `DTSTAMP:${dtstamp}`,
    `CREATED:${utcStamp(v.createdAt)}`,
    `SEQUENCE:${v.version - 1}`,
    `DTSTART;TZID=${timezone}:${local(v.startsAt)}`,
    `DTEND;TZID=${timezone}:${local(v.endsAt)}`,
    fold(`SUMMARY:${escapeText(summary)}`),
  );
  if (v.address) out.push(fold(`LOCATION:${escapeText(v.address)}`));
  out.push(
    fold(`DESCRIPTION:${escapeText(description.filter(Boolean).join('\n'))}`),
    `STATUS:${v.status === 'pending_approval' ? 'TENTATIVE' : 'CONFIRMED'}`,
    'END:VEVENT',
  );
}

/**
 * A calendar feed as iCalendar (RFC 5545): the business's zone written out as a VTIMEZONE and
 * every event on its wall clock (TZID), UIDs stable across changes, the version as SEQUENCE.
 * Cancelled visits are not in the feed, so a subscribed calendar drops them at its next refresh.
 */
export function calendarIcs(feed: Feed, now: Date): string {
  const { business } = feed.catalog;
  const name = feed.staffName ? `${business.name} – ${feed.staffName}` : business.name;
  const last = feed.events.reduce((max, e) => Math.max(max, e.endsAt.getTime()), now.getTime());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Textbook//Admin calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${business.timezone}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT15M',
    ...vtimezone(business.timezone, new Date(now.getTime() - YEAR_MS), new Date(last + 86_400_000)),
  ].map(fold);
  const dtstamp = utcStamp(now);
  for (const e of feed.events) event(lines, e, business.timezone, dtstamp);
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}
