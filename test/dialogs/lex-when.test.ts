import type { NluTurn } from '../../bot/nlu-context';
import type { LexReading } from '../../dialogs/engine/lex/read-intent';
import { readWhen } from '../../dialogs/engine/lex/read-when';
import type { When } from '../../dialogs/engine/types';
import { slot, type SlotValue } from '../helpers/fake-lex';
import { demoContext } from './demo-context';

/**
 * Lex's AMAZON.Date and AMAZON.Time values alone (no local reading to lean on), pinned to Edgar's
 * calendar on Monday 23 November 2026, 9:00 in Los Angeles, by the local engine's rules.
 */

const NOW = new Date('2026-11-23T09:00:00-08:00');

async function whenOf(slots: Record<string, SlotValue>, turn: NluTurn = {}, local: When | null = null) {
  const reading: LexReading = {
    intent: 'Book',
    confidence: 0.9,
    slots: Object.fromEntries(
      Object.entries(slots).map(([name, value]) => [name, { value: { interpretedValue: undefined, ...value } }]),
    ),
  };
  return readWhen(reading, await demoContext('edgar', NOW, turn), local);
}

describe('Lex dates and times, read as the local engine reads them', () => {
  it('puts a date and a time together on the business’s clock, with its offset that day', async () => {
    expect(await whenOf({ date: slot('march 10', '2027-03-10'), time: slot('9am', '09:00') })).toEqual({
      start: '2027-03-10T09:00:00-08:00',
      end: '2027-03-10T09:00:00-08:00',
      grain: 'minute',
    });
    // After the DST change of 14 March the same wall clock is -07:00.
    expect((await whenOf({ date: slot('march 15', '2027-03-15'), time: slot('9am', '09:00') }))?.start).toBe(
      '2027-03-15T09:00:00-07:00',
    );
  });

  it('settles an ambiguous hour the business way: 10 is morning, 3 is afternoon, 12 is noon', async () => {
    const at = async (said: string, readings: string[]) =>
      (await whenOf({ date: slot('friday', '2026-11-27'), time: slot(said, undefined, readings) }))?.start;
    expect(await at('10', ['10:00', '22:00'])).toBe('2026-11-27T10:00:00-08:00');
    expect(await at('3', ['03:00', '15:00'])).toBe('2026-11-27T15:00:00-08:00');
    expect(await at('12', ['12:00', '00:00'])).toBe('2026-11-27T12:00:00-08:00');
  });

  it('reads the part-of-day codes as the local ranges', async () => {
    const part = async (code: string) => whenOf({ date: slot('friday', '2026-11-27'), time: slot(code, code) });
    expect(await part('MO')).toMatchObject({ start: '2026-11-27T08:00:00-08:00', end: '2026-11-27T12:00:00-08:00' });
    expect(await part('AF')).toMatchObject({ start: '2026-11-27T12:00:00-08:00', end: '2026-11-27T17:00:00-08:00' });
    expect(await part('EV')).toMatchObject({ start: '2026-11-27T17:00:00-08:00', end: '2026-11-27T21:00:00-08:00' });
    expect((await part('NI'))?.grain).toBe('part_of_day');
  });

  it('puts a time said alone on the day in focus, else on the next such time ahead', async () => {
    expect((await whenOf({ time: slot('8am', '08:00') }))?.start).toBe('2026-11-24T08:00:00-08:00');
    expect((await whenOf({ time: slot('8am', '08:00') }, { focusDay: '2026-11-26' }))?.start).toBe(
      '2026-11-26T08:00:00-08:00',
    );
  });

  it('does not take the day Lex makes of a week or a month for a day the customer named', async () => {
    const week: When = { start: '2026-11-30T00:00:00-08:00', end: '2026-12-07T00:00:00-08:00', grain: 'week' };
    expect(await whenOf({ date: slot('next week', '2026-12-06') }, {}, week)).toEqual(week);
    expect(await whenOf({ date: slot('la semana que viene', '2026-12-06') })).toBeNull();
    expect(await whenOf({ date: slot('next month', '2026-12-31') })).toBeNull();
  });

  it('keeps the local reading when it read more than Lex did', async () => {
    const local: When = { start: '2026-11-24T15:00:00-08:00', end: '2026-11-24T16:00:00-08:00', grain: 'hour' };
    expect(await whenOf({ date: slot('tomorrow', '2026-11-24') }, {}, local)).toEqual(local);
    expect(await whenOf({ date: slot('tomorrow', '2026-11-24'), time: slot('3pm', '15:00') }, {}, local)).toEqual(
      local,
    );
    // They disagree, and Lex is as precise: Lex's reading.
    expect((await whenOf({ date: slot('wed', '2026-11-25'), time: slot('3pm', '15:00') }, {}, local))?.start).toBe(
      '2026-11-25T15:00:00-08:00',
    );
  });

  it('ignores what is no date or time at all, and the past', async () => {
    expect(await whenOf({ date: slot('someday', 'someday') })).toBeNull();
    expect(await whenOf({ date: slot('yesterday', '2026-11-22') })).toBeNull();
  });
});
