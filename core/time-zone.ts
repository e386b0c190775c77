import { IANAZone } from 'luxon';

const DAY = 86_400_000;
/** Days remembered per zone before starting afresh (about fifty years). */
const MAX_REMEMBERED = 20_000;

/**
 * An IANA zone that remembers its UTC offset per (UTC) day. Luxon asks Intl for the offset
 * (formatToParts) on every date it builds or moves, and reading one message's date builds dozens:
 * that was the largest single cost of understanding a message. A day is remembered only when it
 * starts and ends on the same offset; on the few days a year when clocks change, every instant
 * is asked of Intl, so the change itself stays exact.
 */
class RememberingZone extends IANAZone {
  private readonly offsets = new Map<number, number | null>();

  override offset(ts: number): number {
    const day = Math.floor(ts / DAY);
    let offset = this.offsets.get(day);
    if (offset === undefined) {
      const start = super.offset(day * DAY);
      offset = start === super.offset((day + 1) * DAY - 1) ? start : null;
      if (this.offsets.size >= MAX_REMEMBERED) this.offsets.clear();
      this.offsets.set(day, offset);
    }
    return offset ?? super.offset(ts);
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
