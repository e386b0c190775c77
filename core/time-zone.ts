import { IANAZone } from 'luxon';

const QUARTER_HOUR = 15 * 60_000;
/** Quarter hours remembered per zone before starting afresh (about a year and a half). */
const MAX_REMEMBERED = 50_000;

/**
 * An IANA zone that remembers its UTC offset per quarter hour. Luxon asks Intl for the offset
 * (formatToParts) on every date it builds or moves, and reading one message's date builds dozens:
 * that was the largest single cost of understanding a message. A quarter hour is remembered only
 * when it starts and ends on the same offset, so a change of clocks inside one is still exact.
 */
class RememberingZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_HOUR);
    const known = this.offsets.get(quarter);
    if (known !== undefined) return known;
    const start = super.offset(quarter * QUARTER_HOUR);
    if (start !== super.offset((quarter + 1) * QUARTER_HOUR - 1)) return super.offset(ts);
    if (this.offsets.size >= MAX_REMEMBERED) this.offsets.clear();
    this.offsets.set(quarter, start);
    return start;
  }
}

const zones = new Map<string, IANAZone>();

/** The luxon zone for an IANA name, one instance per name for the life of the process. */
export function timeZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new RememberingZone(name);
    zones.set(name, zone);
  }
  return zone;
}
