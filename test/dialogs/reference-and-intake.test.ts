import { understand } from './understand';

/** Appointment codes and the intake details a business asks for. */

describe('appointment references', () => {
  it.each([
    ['cancel K7WM', 'K7WM'],
    ['please cancel k7wm', 'K7WM'],
    ['reschedule 4KXT to friday', '4KXT'],
    ['is AXTM still on?', 'AXTM'],
  ])('%s → %s', async (text, reference) => {
    expect((await understand(text)).reference).toBe(reference);
  });

  it.each(['cancel my appointment', 'see you at 10am', 'I NEED NEW BRAKES', '2015 Honda Civic', 'the 28th at 3pm'])(
    'finds none in "%s"',
    async (text) => {
      expect((await understand(text)).reference).toBeNull();
    },
  );

  it('takes a lone word as the code when the bot asked for it', async () => {
    expect((await understand('kxtm', { turn: { expecting: 'reference', activeIntent: 'Cancel' } })).reference).toBe(
      'KXTM',
    );
  });
});

describe('intake details', () => {
  it.each([
    ['name', "I'm Ana", { name: 'Ana' }],
    ['name', 'my name is Ana Pérez', { name: 'Ana Pérez' }],
    ['name', 'me llamo Ana Pérez', { name: 'Ana Pérez' }],
    ['name', 'Soy María José', { name: 'María José' }],
    ['address', '12 Oak St', { address: '12 Oak St' }],
    ['address', 'at 455 W Elm Ave apt 3', { address: '455 W Elm Ave apt 3' }],
    ['address', 'mi dirección es Av. Providencia 1234', { address: 'Av. Providencia 1234' }],
    ['address', 'no, 9 Pine St', { address: '9 Pine St' }],
    ['vehicle', "it's a 2015 Honda Civic", { vehicle: '2015 Honda Civic' }],
    ['vehicle', 'tengo un Toyota Corolla 2014', { vehicle: 'Toyota Corolla 2014' }],
    ['notes', 'the gate code is 1234', { notes: 'the gate code is 1234' }],
    ['notes', 'nothing', {}],
  ] as const)('asked for %s: "%s"', async (expecting, text, intake) => {
    const u = await understand(text, { turn: { expecting, activeIntent: 'Book' } });
    expect(u.intake).toEqual(intake);
    expect(u.intent).toBe('Book');
    expect(u.when).toBeNull();
  });

  it.each([
    ['address', 'tomorrow', { when: { start: '2026-11-24T00:00:00-08:00' } }],
    ['address', 'Maria', {}],
    ['vehicle', 'Maria', {}],
    ['vehicle', 'next monday', { when: { start: '2026-11-30T00:00:00-08:00' } }],
    ['name', 'friday', { when: { start: '2026-11-27T00:00:00-08:00' } }],
    ['name', '12 Oak St', {}],
  ] as const)('asked for %s, does not take "%s" as that detail', async (expecting, text, fields) => {
    const u = await understand(text, { turn: { expecting, activeIntent: 'Book' } });
    expect(u.intake).toEqual({});
    expect(u).toMatchObject(fields);
  });

  it.each([
    ['Oil change friday at 9, 455 Market St, San Francisco', '455 Market St, San Francisco'],
    [
      'brakes at 1550 Mission St Apt 3, San Francisco CA 94103 tomorrow',
      '1550 Mission St Apt 3, San Francisco CA 94103',
    ],
    ['battery at 400 Broadway, Oakland on monday', '400 Broadway, Oakland'],
    ['oil change at 12 oak st, oil change tomorrow', '12 oak st'],
    ['2 oil changes, tomorrow at 3', undefined],
  ])('keeps the whole address in "%s"', async (text, address) => {
    expect((await understand(text)).intake.address).toBe(address);
  });

  it('pulls an address and a vehicle out of a one-shot booking', async () => {
    const u = await understand('oil change tomorrow at 3 at 12 Oak St, 2015 Honda Civic');
    expect(u).toMatchObject({
      intent: 'Book',
      serviceKey: 'oil-change',
      when: { start: '2026-11-24T15:00:00-08:00', grain: 'minute' },
      intake: { address: '12 Oak St', vehicle: '2015 Honda Civic' },
    });
  });

  it('reads a name given in passing', async () => {
    expect(
      (await understand('hola, me llamo Carla y quiero una hora', { business: 'clinica-santiago' })).intake.name,
    ).toBe('Carla');
  });

  it.each([
    ['address', 'actually make it a diagnostic instead', { serviceKey: 'diagnostics' }],
    ['address', 'actually 3pm would be better', { when: { start: '2026-11-23T15:00:00-08:00' } }],
    ['address', 'do you come to Pasadena?', {}],
    ['vehicle', 'oh wait, can we do wednesday instead?', { when: { start: '2026-11-25T00:00:00-08:00' } }],
    ['name', 'never mind', {}],
    ['address', 'nvm', {}],
    ['address', 'thanks', {}],
  ] as const)('asked for %s, takes "%s" as a change of plan, not the detail', async (expecting, text, fields) => {
    const u = await understand(text, { turn: { expecting, activeIntent: 'Book' } });
    expect(u.intake).toEqual({});
    expect(u).toMatchObject(fields);
  });

  it('does not take a clear request for an answer', async () => {
    const u = await understand('actually, cancel my appointment', {
      turn: { expecting: 'address', activeIntent: 'Book' },
    });
    expect(u.intent).toBe('Cancel');
    expect(u.intake).toEqual({});
  });
});
