import type { NluTurn } from '../../bot/nlu-context';
import { understand } from './understand';

/** Picking an offered option by number, and yes/no, in both languages. */

const offered: NluTurn = { expecting: 'choice', activeIntent: 'Book', offeredCount: 3 };

describe('choosing an offered slot', () => {
  it.each([
    ['2', 2],
    ['#2', 2],
    ['2.', 2],
    ['option 2', 2],
    ['number 3 please', 3],
    ['the second one', 2],
    ['2nd', 2],
    ['first', 1],
    ['the last one', 3],
    ['2 works', 2],
    ['la 2', 2],
    ['el 3', 3],
    ['la segunda', 2],
    ['la primera porfa', 1],
    ['la opción 1', 1],
    ['la última', 3],
    ['dos', 2],
  ])('%s → %s', async (text, choice) => {
    const u = await understand(text, { business: 'clinica-santiago', turn: offered });
    expect(u.choice).toBe(choice);
    expect(u.intent).toBe('Book');
    expect(u.when).toBeNull();
  });

  it('ignores numbers beyond the options offered', async () => {
    expect((await understand('4', { turn: offered })).choice).toBeNull();
  });

  it('reads a small number as a choice only when options were offered', async () => {
    const u = await understand('2');
    expect(u.choice).toBeNull();
    expect(u.intent).toBe('Fallback');
  });

  it('keeps a time a time', async () => {
    const u = await understand('a la 1', { business: 'clinica-santiago', turn: offered });
    expect(u.choice).toBeNull();
    expect(u.when?.start).toBe('2026-11-23T13:00:00-03:00');
    expect((await understand('2pm', { turn: offered })).choice).toBeNull();
  });
});

describe('yes and no', () => {
  const asked: NluTurn = { expecting: 'confirmation', activeIntent: 'Book' };
  it.each([
    ['yes', 'yes'],
    ['Yes!', 'yes'],
    ['yep', 'yep'],
    ['sure', 'yes'],
    ['ok', 'yes'],
    ['OK thanks', 'yes'],
    ['book it', 'yes'],
    ['sounds good', 'yes'],
    ['C', 'yes'],
    ['c', 'yes'],
    ['y', 'yes'],
    ['no problem', 'yes'],
    ['👍', 'yes'],
    ['yesss', 'yes'],
    ['sí', 'yes'],
    ['si', 'yes'],
    ['Si, perfecto', 'yes'],
    ['dale', 'yes'],
    ['ya', 'yes'],
    ['ya po', 'yes'],
    ['confirmo', 'yes'],
    ['síii', 'yes'],
    ['de acuerdo', 'yes'],
    ['no', 'no'],
    ['nope', 'no'],
    ['nah', 'no'],
    ['no thanks', 'no'],
    ['no that does not work', 'no'],
    ['no gracias', 'no'],
    ['no po', 'no'],
    ['mejor no', 'no'],
  ])('%s', async (text, answer) => {
    const u = await understand(text, { turn: asked });
    expect(u.answer).toBe(answer === 'yep' ? 'yes' : answer);
    expect(u.intent).toBe('Confirm');
  });

  it.each(['ya tengo hora', 'si puedo ir mañana?', 'ok how much is it', 'yesterday'])(
    'is not fooled by "%s"',
    async (text) => {
      expect((await understand(text, { business: 'clinica-santiago' })).answer).toBeNull();
    },
  );

  it('a yes before a request is still the request', async () => {
    const u = await understand('me sirve el jueves a las 3 con el dr perez', { business: 'clinica-santiago' });
    expect(u.intent).toBe('Book');
    expect(u.staffKey).toBe('perez');
  });

  it('"no" with another time answers the question and carries the time', async () => {
    const u = await understand('no, can we do 4 instead?', { turn: asked });
    expect(u).toMatchObject({
      intent: 'Confirm',
      answer: 'no',
      when: { start: '2026-11-23T16:00:00-08:00', grain: 'minute' },
    });
  });
});
