import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Grain } from '../../dialogs/engine/types';
import type { NluTurn } from '../../bot/nlu-context';
import { understand } from './understand';

/** Dates and times, relative to Monday 2026-11-23 10:00 in the business's zone unless stated. */

type Expected = [text: string, start: string | null, grain?: Grain, end?: string];

async function expectWhen(
  business: 'edgar' | 'clinica-santiago',
  [text, start, grain, end]: Expected,
  now?: string,
): Promise<void> {
  const { when } = await understand(text, { business, now });
  if (start === null) {
    expect(when).toBeNull();
    return;
  }
  expect({ text, start: when?.start, grain: when?.grain }).toEqual({ text, start, grain: grain ?? 'minute' });
  if (end) expect(when?.end).toBe(end);
}

describe('English dates at Edgar (Los Angeles)', () => {
  const cases: Expected[] = [
    ['tomorrow at 3', '2026-11-24T15:00:00-08:00'],
    ['next Friday morning', '2026-12-04T08:00:00-08:00', 'part_of_day', '2026-12-04T12:00:00-08:00'],
    ['friday morning', '2026-11-27T08:00:00-08:00', 'part_of_day'],
    ['this afternoon', '2026-11-23T12:00:00-08:00', 'part_of_day', '2026-11-23T17:00:00-08:00'],
    ['Sat 10am', '2026-11-28T10:00:00-08:00'],
    ['in 2 hours', '2026-11-23T12:00:00-08:00'],
    ['the 28th', '2026-11-28T00:00:00-08:00', 'day', '2026-11-29T00:00:00-08:00'],
    ['the 5th', '2026-12-05T00:00:00-08:00', 'day'],
    ['the 25th at 11am', '2026-11-25T11:00:00-08:00'],
    ['a quarter past 3', '2026-11-23T15:15:00-08:00'],
    ['half past ten tomorrow', '2026-11-24T10:30:00-08:00'],
    ['quarter to 4', '2026-11-23T15:45:00-08:00'],
    ["3 o'clock in the afternoon", '2026-11-23T15:00:00-08:00'],
    ['monday', '2026-11-30T00:00:00-08:00', 'day', '2026-12-01T00:00:00-08:00'],
    ['at 3am', '2026-11-24T03:00:00-08:00'],
    ['at 11am', '2026-11-23T11:00:00-08:00'],
    ['at 9am', '2026-11-24T09:00:00-08:00'],
    ['7p', '2026-11-23T19:00:00-08:00'],
    ['15h00', '2026-11-23T15:00:00-08:00'],
    ['tomorrow 9-11', '2026-11-24T09:00:00-08:00', 'hour', '2026-11-24T11:00:00-08:00'],
    ['friday 1-3', '2026-11-27T13:00:00-08:00', 'hour', '2026-11-27T15:00:00-08:00'],
    ['call me at 555-1234', null],
    ['battery 12-4 at 9', '2026-12-04T09:00:00-08:00'],
    ['oil change 12-4 9am', '2026-12-04T09:00:00-08:00'],
    ['on 12-4', '2026-12-04T00:00:00-08:00', 'day'],
    ['12-4 around 2', '2026-12-04T14:00:00-08:00', 'hour'],
    ['oil change sat 12-3', '2026-11-28T12:00:00-08:00', 'hour', '2026-11-28T15:00:00-08:00'],
    ['thursday 3 to 5', '2026-11-26T15:00:00-08:00', 'hour', '2026-11-26T17:00:00-08:00'],
    ['whenever works', '2026-11-23T10:00:00-08:00', 'day'],
    ['earliest you can do an oil change?', '2026-11-23T10:00:00-08:00', 'day'],
    ['oil change wensday at noon', '2026-11-25T12:00:00-08:00'],
    ['firday 2pm', '2026-11-27T14:00:00-08:00'],
    ['thrusday', '2026-11-26T00:00:00-08:00', 'day'],
    ['a sundae for the monkey', null],
    ['oil change tue dec 8 before noon', '2026-12-08T08:00:00-08:00', 'part_of_day', '2026-12-08T12:00:00-08:00'],
    ['tomorrow late afternoon', '2026-11-24T15:00:00-08:00', 'part_of_day', '2026-11-24T17:00:00-08:00'],
    ['15.30', '2026-11-23T15:30:00-08:00'],
    ['the following week', '2026-11-30T00:00:00-08:00', 'week', '2026-12-07T00:00:00-08:00'],
    ['tonight', '2026-11-23T18:00:00-08:00', 'part_of_day', '2026-11-23T21:00:00-08:00'],
    ['tonight at 8', '2026-11-23T20:00:00-08:00'],
    ['after lunch', '2026-11-23T13:00:00-08:00', 'part_of_day', '2026-11-23T17:00:00-08:00'],
    ['around 3', '2026-11-23T15:00:00-08:00', 'hour', '2026-11-23T16:00:00-08:00'],
    ['3ish tomorrow', '2026-11-24T15:00:00-08:00', 'hour'],
    ['between 1 and 3 on friday', '2026-11-27T13:00:00-08:00', 'hour', '2026-11-27T15:00:00-08:00'],
    ['tmrw @ 2', '2026-11-24T14:00:00-08:00'],
    ['day after tomorrow', '2026-11-25T00:00:00-08:00', 'day'],
    ['Dec 3rd at 9:30am', '2026-12-03T09:30:00-08:00'],
    ['this weekend', '2026-11-28T00:00:00-08:00', 'day'],
    ['today', '2026-11-23T10:00:00-08:00', 'day', '2026-11-24T00:00:00-08:00'],
    ['yesterday', null],
    ['may I book an oil change', null],
    ['2015 Honda Civic at 12 Oak St', null],
  ];
  it.each(cases)('%s', async (...c) => expectWhen('edgar', c));
});

describe('Spanish dates at the clinic (Santiago)', () => {
  const cases: Expected[] = [
    ['el martes a las 10', '2026-11-24T10:00:00-03:00'],
    ['mañana en la tarde', '2026-11-24T12:00:00-03:00', 'part_of_day', '2026-11-24T17:00:00-03:00'],
    ['pasado mañana', '2026-11-25T00:00:00-03:00', 'day'],
    ['pasado manana a las 4', '2026-11-25T16:00:00-03:00'],
    ['el 3 de diciembre', '2026-12-03T00:00:00-03:00', 'day'],
    ['mañana en la mañana', '2026-11-24T08:00:00-03:00', 'part_of_day', '2026-11-24T12:00:00-03:00'],
    ['a las 10 de la mañana', '2026-11-24T10:00:00-03:00'],
    ['a las 5 de la tarde', '2026-11-23T17:00:00-03:00'],
    ['hoy a las 4 y media', '2026-11-23T16:30:00-03:00'],
    ['las doce menos cuarto', '2026-11-23T11:45:00-03:00'],
    ['a las tres y cuarto', '2026-11-23T15:15:00-03:00'],
    ['el 25 a las 11', '2026-11-25T11:00:00-03:00'],
    ['el martes', '2026-11-24T00:00:00-03:00', 'day'],
    ['el lunes', '2026-11-30T00:00:00-03:00', 'day'],
    ['la semana que viene', '2026-11-30T00:00:00-03:00', 'week'],
    ['la otra semana', '2026-11-30T00:00:00-03:00', 'week'],
    ['en la noche', '2026-11-23T18:00:00-03:00', 'part_of_day'],
    ['a las 15 hrs', '2026-11-23T15:00:00-03:00'],
    ['tipo 4', '2026-11-23T16:00:00-03:00', 'hour'],
    ['entre las 2 y las 4', '2026-11-23T14:00:00-03:00', 'hour', '2026-11-23T16:00:00-03:00'],
    ['al mediodía', '2026-11-23T12:00:00-03:00'],
    ['después de almuerzo', '2026-11-23T13:00:00-03:00', 'part_of_day'],
    ['martes 24', '2026-11-24T00:00:00-03:00', 'day'],
    // Day first, as written in Chile: "5/1" is the 5th of January, and "3-12" is a date, not hours.
    ['consulta el 5/1', '2027-01-05T00:00:00-03:00', 'day'],
    ['el 5/1 a las 10', '2027-01-05T10:00:00-03:00'],
    ['el 20/12 a las 10:30', '2026-12-20T10:30:00-03:00'],
    ['el 3-12 a las 10', '2026-12-03T10:00:00-03:00'],
    ['el 31-2', null],
    ['mañana 10 a 12', '2026-11-24T10:00:00-03:00', 'hour', '2026-11-24T12:00:00-03:00'],
    ['control el lunes 7/12 a las 10', '2026-12-07T10:00:00-03:00'],
    ['lunes 7-12 a las 10', '2026-12-07T10:00:00-03:00'],
    ['control el jueves 9-11', '2026-11-26T09:00:00-03:00', 'hour', '2026-11-26T11:00:00-03:00'],
    ['consulta el juebes a las 10', '2026-11-26T10:00:00-03:00'],
    ['el vierns a las 10', '2026-11-27T10:00:00-03:00'],
    ['consulta el vienes a las 10', '2026-11-27T10:00:00-03:00'],
    ['el miercole a las 10', '2026-11-25T10:00:00-03:00'],
    ['vienes a domicilio?', null],
    ['no importa, cualquier día', '2026-11-23T10:00:00-03:00', 'day'],
    ['antes del mediodía el jueves', '2026-11-26T08:00:00-03:00', 'part_of_day', '2026-11-26T12:00:00-03:00'],
    ['mañana al final de la tarde', '2026-11-24T15:00:00-03:00', 'part_of_day', '2026-11-24T17:00:00-03:00'],
    ['en una hora', '2026-11-23T11:00:00-03:00'],
    ['quiero una hora', null],
    ['buenas tardes', null],
  ];
  it.each(cases)('%s', async (...c) => expectWhen('clinica-santiago', c));
});

describe('constructions read by rule, not by sentence (Monday 2026-11-23 10:00)', () => {
  const english: Expected[] = [
    // minutes before the hour, hours and minutes as words or two numbers, the 24-hour "h"
    ['twenty past 4', '2026-11-23T16:20:00-08:00'],
    ['25 minutes to noon tomorrow', '2026-11-24T11:35:00-08:00'],
    ['a quarter past noon', '2026-11-23T12:15:00-08:00'],
    ['half four', '2026-11-23T16:30:00-08:00'],
    ['at four fifty', '2026-11-23T16:50:00-08:00'],
    ['wednesday at 9 45', '2026-11-25T09:45:00-08:00'],
    ['friday 14h30', '2026-11-27T14:30:00-08:00'],
    ['8 tonight', '2026-11-23T20:00:00-08:00'],
    ['tomorrow at 930', '2026-11-24T09:30:00-08:00'],
    ['11am EST tomorrow', '2026-11-24T08:00:00-08:00'],
    ['2pm for an hour', '2026-11-23T14:00:00-08:00'],
    // counted days, weeks and months
    ['in 2 days', '2026-11-25T10:00:00-08:00', 'day', '2026-11-26T00:00:00-08:00'],
    ['in half an hour', '2026-11-23T10:30:00-08:00'],
    ['in 1/2h', '2026-11-23T10:30:00-08:00'],
    ['the next 2 days', '2026-11-24T00:00:00-08:00', 'day', '2026-11-26T00:00:00-08:00'],
    ['within 3 hours', '2026-11-23T10:00:00-08:00', 'hour', '2026-11-23T13:00:00-08:00'],
    ['by 3pm', '2026-11-23T10:00:00-08:00', 'part_of_day', '2026-11-23T15:00:00-08:00'],
    ['tuesday after next', '2026-12-01T00:00:00-08:00', 'day'],
    ['2 thursdays from now', '2026-12-03T00:00:00-08:00', 'day'],
    ['end of next week', '2026-12-04T00:00:00-08:00', 'day', '2026-12-07T00:00:00-08:00'],
    ['the week of december 8th', '2026-12-07T00:00:00-08:00', 'week', '2026-12-14T00:00:00-08:00'],
    ['second friday of december', '2026-12-11T00:00:00-08:00', 'day'],
    ['the 3rd of next month', '2026-12-03T00:00:00-08:00', 'day'],
    ['late december', '2026-12-21T00:00:00-08:00', 'day', '2027-01-01T00:00:00-08:00'],
    ['december 2 through 4', '2026-12-02T00:00:00-08:00', 'day', '2026-12-05T00:00:00-08:00'],
    ['mid-morning on friday', '2026-11-27T10:00:00-08:00', 'part_of_day', '2026-11-27T12:00:00-08:00'],
    ['yesterday at 3', null],
  ];
  it.each(english)('%s', async (...c) => expectWhen('edgar', c));

  const spanish: Expected[] = [
    ['a las 17 horas', '2026-11-23T17:00:00-03:00'],
    ['el jueves a las 9 30', '2026-11-26T09:30:00-03:00'],
    ['a las cuatro y cuarenta', '2026-11-23T16:40:00-03:00'],
    ['a las doce menos veinte', '2026-11-23T11:40:00-03:00'],
    ['7 de la tarde', '2026-11-23T19:00:00-03:00'],
    ['mañana a media mañana', '2026-11-24T10:00:00-03:00', 'part_of_day', '2026-11-24T12:00:00-03:00'],
    ['al medio día', '2026-11-23T12:00:00-03:00'],
    ['el seis de diciembre', '2026-12-06T00:00:00-03:00', 'day'],
    ['diciembre 7', '2026-12-07T00:00:00-03:00', 'day'],
    ['el día veinte', '2026-12-20T00:00:00-03:00', 'day'],
    ['el primer martes de diciembre', '2026-12-01T00:00:00-03:00', 'day'],
    ['a fines de diciembre', '2026-12-21T00:00:00-03:00', 'day'],
    ['del 2 al 4 de diciembre', '2026-12-02T00:00:00-03:00', 'day', '2026-12-05T00:00:00-03:00'],
    ['en veinticuatro horas', '2026-11-24T10:00:00-03:00'],
    ['los próximos 2 días', '2026-11-24T00:00:00-03:00', 'day', '2026-11-26T00:00:00-03:00'],
    ['el miércoles de esta semana', '2026-11-25T00:00:00-03:00', 'day'],
    ['mi hija de 4 años', null],
  ];
  it.each(spanish)('%s', async (...c) => expectWhen('clinica-santiago', c));

  it('takes where a visit is moved to, not where it is', async () => {
    const when = async (text: string, business: 'edgar' | 'clinica-santiago' = 'edgar') =>
      (await understand(text, { business })).when?.start;
    expect(await when('move my oil change from friday to saturday')).toBe('2026-11-28T00:00:00-08:00');
    expect(await when("push tomorrow's appointment to thursday at 3")).toBe('2026-11-26T15:00:00-08:00');
    expect(await when('can you come at 4 instead of 10 on friday')).toBe('2026-11-27T16:00:00-08:00');
    expect(await when('cambiar mi hora del jueves para el viernes', 'clinica-santiago')).toBe(
      '2026-11-27T00:00:00-03:00',
    );
    expect(await when('se puede pasar mi hora de las 11 a las 12?', 'clinica-santiago')).toBe(
      '2026-11-23T12:00:00-03:00',
    );
  });
});

describe('the day being settled', () => {
  // Offered Thursday's times, the customer answers with a time or part of day alone.
  const thursday: NluTurn = { expecting: 'choice', activeIntent: 'Book', offeredCount: 3, focusDay: '2026-11-26' };
  const whenOf = async (text: string, business: 'edgar' | 'clinica-santiago' = 'edgar') =>
    (await understand(text, { business, turn: thursday })).when;

  it('puts a bare time or part of day on that day', async () => {
    expect(await whenOf('12:15')).toMatchObject({ start: '2026-11-26T12:15:00-08:00', grain: 'minute' });
    expect(await whenOf('actually make it 10am')).toMatchObject({ start: '2026-11-26T10:00:00-08:00' });
    expect(await whenOf('morning')).toMatchObject({ start: '2026-11-26T08:00:00-08:00', grain: 'part_of_day' });
    expect(await whenOf('a las 11', 'clinica-santiago')).toMatchObject({ start: '2026-11-26T11:00:00-03:00' });
  });

  it('gives way to any day the customer names, and to "today"', async () => {
    expect(await whenOf('friday at 10am')).toMatchObject({ start: '2026-11-27T10:00:00-08:00' });
    expect(await whenOf('tomorrow at 3')).toMatchObject({ start: '2026-11-24T15:00:00-08:00' });
    expect(await whenOf('this afternoon')).toMatchObject({ start: '2026-11-23T12:00:00-08:00' });
    expect(await whenOf('in 2 hours')).toMatchObject({ start: '2026-11-23T12:00:00-08:00' });
  });

  it('reads a weekday alone in the week in focus when that is a later week', async () => {
    const later: NluTurn = { ...thursday, focusDay: '2026-12-16' };
    expect((await understand('thursday instead', { turn: later })).when).toMatchObject({
      start: '2026-12-17T00:00:00-08:00',
      grain: 'day',
    });
    expect((await understand('tuesday at 2?', { turn: later })).when).toMatchObject({
      start: '2026-12-15T14:00:00-08:00',
    });
    expect((await understand('mejor el jueves', { business: 'clinica-santiago', turn: later })).when).toMatchObject({
      start: '2026-12-17T00:00:00-03:00',
    });
    expect((await understand('friday', { turn: thursday })).when).toMatchObject({ start: '2026-11-27T00:00:00-08:00' });
    expect((await understand('this friday instead', { turn: later })).when).toMatchObject({
      start: '2026-11-27T00:00:00-08:00',
    });
  });

  it('reads a number alone as a time when a time is asked for and nothing numbered is on offer', async () => {
    const asked: NluTurn = { expecting: 'when', activeIntent: 'Book' };
    expect((await understand('11?', { turn: asked })).when).toMatchObject({ start: '2026-11-23T11:00:00-08:00' });
    expect((await understand('2:30', { turn: asked })).when).toMatchObject({ start: '2026-11-23T14:30:00-08:00' });
    expect((await understand('11', { turn: { expecting: 'address', activeIntent: 'Book' } })).when).toBeNull();
    expect((await understand('2', { turn: thursday })).when).toBeNull();
    expect((await understand('12', { turn: thursday })).when).toMatchObject({ start: '2026-11-26T12:00:00-08:00' });
    expect((await understand('11 instead', { turn: { ...asked, expecting: 'confirmation' } })).when).toMatchObject({
      start: '2026-11-23T11:00:00-08:00',
    });
    expect((await understand('2', { turn: { expecting: 'confirmation', activeIntent: 'Cancel' } })).when).toBeNull();
  });

  it('counts "an hour later" and "push it back 30 minutes" from the time being settled', async () => {
    const settling: NluTurn = {
      expecting: 'confirmation',
      activeIntent: 'Book',
      focusDay: '2026-12-09',
      focusTime: '2026-12-09T18:00:00.000Z',
    };
    const at = async (text: string, business: 'edgar' | 'clinica-santiago' = 'edgar') =>
      (await understand(text, { business, turn: settling })).when?.start;
    expect(await at('can we make it an hour later?')).toBe('2026-12-09T11:00:00-08:00');
    expect(await at('30 min earlier?')).toBe('2026-12-09T09:30:00-08:00');
    expect(await at('push it back 30 minutes')).toBe('2026-12-09T10:30:00-08:00');
    expect(await at('una hora más tarde', 'clinica-santiago')).toBe('2026-12-09T16:00:00-03:00');
    expect((await understand('an hour later', { turn: { expecting: null } })).when).toBeNull();
  });

  it('counts "the same day", "the day after" and "same time" from the day in focus or the visit just booked', async () => {
    const later: NluTurn = { ...thursday, focusDay: '2026-12-16' };
    expect((await understand('same day at 11', { turn: later })).when).toMatchObject({
      start: '2026-12-16T11:00:00-08:00',
    });
    expect((await understand('the day after instead', { turn: later })).when).toMatchObject({
      start: '2026-12-17T00:00:00-08:00',
      grain: 'day',
    });
    const booked: NluTurn = { recentVisit: '2026-12-07T17:00:00.000Z' };
    expect((await understand('also brakes same day at 2pm', { turn: booked })).when).toMatchObject({
      start: '2026-12-07T14:00:00-08:00',
    });
    expect((await understand('friday same time?', { turn: booked })).when).toMatchObject({
      start: '2026-11-27T09:00:00-08:00',
    });
    expect(
      (
        await understand('a la misma hora el viernes', {
          business: 'clinica-santiago',
          turn: { recentVisit: '2026-12-07T13:00:00.000Z' },
        })
      ).when,
    ).toMatchObject({ start: '2026-11-27T10:00:00-03:00' });
    expect((await understand('same day at 11')).when).toMatchObject({ start: '2026-11-23T11:00:00-08:00' });
  });

  it('ignores a day already past', async () => {
    const stale: NluTurn = { ...thursday, focusDay: '2026-11-20' };
    expect((await understand('3pm', { turn: stale })).when).toMatchObject({ start: '2026-11-23T15:00:00-08:00' });
  });
});

describe('daylight saving time', () => {
  it('uses the offset in force on the day asked for, not today', async () => {
    // Los Angeles leaves daylight time on Sunday 2026-11-01 at 02:00.
    await expectWhen('edgar', ['tomorrow at 9am', '2026-11-01T09:00:00-08:00'], '2026-10-31T10:00:00-07:00');
    await expectWhen(
      'edgar',
      ['tomorrow', '2026-11-01T00:00:00-07:00', 'day', '2026-11-02T00:00:00-08:00'],
      '2026-10-31T10:00:00-07:00',
    );
    await expectWhen('edgar', ['tomorrow at 10am', '2026-03-08T10:00:00-07:00'], '2026-03-07T10:00:00-08:00');
    // Santiago: summer time ends at midnight into 2026-04-05 and starts at midnight into 2026-09-06.
    await expectWhen('clinica-santiago', ['mañana a las 9', '2026-04-05T09:00:00-04:00'], '2026-04-04T10:00:00-03:00');
    await expectWhen('clinica-santiago', ['mañana a las 9', '2026-09-06T09:00:00-03:00'], '2026-09-05T10:00:00-04:00');
    // Midnight does not exist on 2026-09-06 in Santiago: the day starts at 01:00.
    await expectWhen(
      'clinica-santiago',
      ['mañana', '2026-09-06T01:00:00-03:00', 'day', '2026-09-07T00:00:00-03:00'],
      '2026-09-05T10:00:00-04:00',
    );
  });

  it('counts "in 2 hours" as elapsed time across the change', async () => {
    await expectWhen('edgar', ['in 2 hours', '2026-11-01T01:30:00-08:00'], '2026-11-01T00:30:00-07:00');
  });

  it('does not depend on the server time zone', async () => {
    const saved = process.env.TZ;
    const results: unknown[] = [];
    try {
      for (const tz of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Auckland']) {
        process.env.TZ = tz;
        results.push((await understand('tomorrow at 9am', { now: '2026-10-31T23:30:00-07:00' })).when);
      }
    } finally {
      process.env.TZ = saved;
    }
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toEqual({
      start: '2026-11-01T09:00:00-08:00',
      end: '2026-11-01T09:00:00-08:00',
      grain: 'minute',
    });
  });
});

describe('properties over any moment of 2026', () => {
  const zones = [
    { business: 'edgar', zone: 'America/Los_Angeles' },
    { business: 'clinica-santiago', zone: 'America/Santiago' },
  ] as const;
  const moment = fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-30T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString());
  const where = fc.constantFrom(...zones);

  it('"tomorrow at 9am" is 09:00 on the next local day, with that day\'s offset', async () => {
    await fc.assert(
      fc.asyncProperty(moment, where, async (now, { business, zone }) => {
        const { when } = await understand('tomorrow at 9am', { business, now });
        const expected = DateTime.fromISO(now, { zone })
          .plus({ days: 1 })
          .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
        expect(when?.start).toBe(expected.toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: 60 },
    );
  });

  it('a bare time is never in the past and never more than a day ahead', async () => {
    await fc.assert(
      fc.asyncProperty(
        moment,
        where,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('am', 'pm'),
        async (now, { business }, hour, meridiem) => {
          const { when } = await understand(`at ${hour}${meridiem}`, { business, now });
          const start = Date.parse(when?.start ?? '');
          expect(start).toBeGreaterThan(Date.parse(now));
          expect(start - Date.parse(now)).toBeLessThanOrEqual(25 * 3600_000);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a weekday is within the coming week, never today', async () => {
    await fc.assert(
      fc.asyncProperty(
        moment,
        where,
        fc.constantFrom('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'),
        async (now, { business, zone }, day) => {
          const { when } = await understand(day, { business, now });
          const start = DateTime.fromISO(when?.start ?? '', { zone });
          const today = DateTime.fromISO(now, { zone }).startOf('day');
          const daysAhead = Math.round(start.startOf('day').diff(today, 'days').days);
          expect(daysAhead).toBeGreaterThanOrEqual(1);
          expect(daysAhead).toBeLessThanOrEqual(7);
          expect(start.toFormat('cccc').toLowerCase()).toBe(day);
        },
      ),
      { numRuns: 60 },
    );
  });
});
