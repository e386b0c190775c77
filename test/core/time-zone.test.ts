import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { timeZone } from '../../core/time-zone';

/** The remembered offsets must be exactly Intl's, around changes of clocks most of all. */
const ZONES = [
  'America/Los_Angeles',
  'America/Santiago',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Europe/London',
  'UTC',
];
const FROM = Date.parse('2026-01-01T00:00:00Z');
const TO = Date.parse('2029-01-01T00:00:00Z');

describe('timeZone', () => {
  it.each(ZONES)("gives Intl's offset at any instant in %s", (name) => {
    const exact = IANAZone.create(name);
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (ts) => timeZone(name).offset(ts) === exact.offset(ts)),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['America/Los_Angeles', '2026-11-01T09:00:00Z'],
    ['America/Los_Angeles', '2027-03-14T10:00:00Z'],
    ['America/Santiago', '2026-09-06T04:00:00Z'],
    ['America/Santiago', '2027-04-04T03:00:00Z'],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
  ])('is exact every minute for two hours around the change in %s at %s', (name, change) => {
    const exact = IANAZone.create(name);
    const at = Date.parse(change);
    const seen = new Set<number>();
    for (let ts = at - 3_600_000; ts <= at + 3_600_000; ts += 60_000) {
      expect([ts, timeZone(name).offset(ts)]).toEqual([ts, exact.offset(ts)]);
      seen.add(exact.offset(ts));
    }
    expect(seen.size).toBe(2);
  });
});
