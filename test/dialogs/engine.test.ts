import { createLocalEngine } from '../../dialogs/engine/local';
import type { Understanding } from '../../dialogs/engine/types';
import { demoContext } from './demo-context';
import { understand } from './understand';

/** The local engine as bot/ sees it: the contract and the intents from the brief (its speed: `npm run bench -- nlu`). */

describe('local engine', () => {
  const engine = createLocalEngine();

  it('returns the full, JSON-serialisable result', async () => {
    const u = await engine.understand('cancel K7WM', await demoContext('edgar', new Date('2026-11-23T18:00:00Z')));
    expect(JSON.parse(JSON.stringify(u))).toEqual(u);
    expect(Object.keys(u).sort()).toEqual(
      [
        'alsoServiceKey',
        'answer',
        'choice',
        'confidence',
        'intake',
        'intent',
        'locale',
        'reference',
        'serviceKey',
        'staffKey',
        'when',
      ].sort(),
    );
    expect(u).toMatchObject<Partial<Understanding>>({ intent: 'Cancel', reference: 'K7WM', locale: 'en' });
    expect(u.confidence).toBeGreaterThan(0.5);
  });

  it.each([
    ['cancel my appointment', 'Cancel'],
    ['can I move my appointment to friday', 'Reschedule'],
    ['when is my appointment?', 'MyAppointments'],
    ['how much is an oil change', 'Services'],
    ['what time are you open', 'Hours'],
    ['hi', 'Greeting'],
    ['thanks!', 'Thanks'],
    ['still on?', 'MyAppointments'],
    ['we still good for tomorrow?', 'MyAppointments'],
    ['make it 3pm', 'Reschedule'],
    ['help', 'Help'],
    ['ayuda', 'Help'],
    ['oil change tomorrow at 3', 'Book'],
    ['brakes', 'Book'],
    ['friday at 10', 'Book'],
    ['yes', 'Confirm'],
    ['', 'Fallback'],
    ['asdfgh', 'Fallback'],
  ])('%s → %s', async (text, intent) => {
    expect((await understand(text)).intent).toBe(intent);
  });

  it('keeps the intent of the question being answered', async () => {
    const u = await understand('12 Oak St', { turn: { expecting: 'address', activeIntent: 'Reschedule' } });
    expect(u.intent).toBe('Reschedule');
    expect(u.intake.address).toBe('12 Oak St');
  });

  it('gives the same answer every time', async () => {
    const first = await understand('mañana tipo 4 con la doctora', { business: 'clinica-santiago' });
    for (let i = 0; i < 5; i++)
      expect(await understand('mañana tipo 4 con la doctora', { business: 'clinica-santiago' })).toEqual(first);
  });
});

describe('two services in one message', () => {
  it.each([
    ['oil change and a tire rotation', 'edgar', ['tire-rotation', 'oil-change']],
    ['actually brakes instead of an oil change', 'edgar', ['brake-pads', null]],
    ['oil change and not brakes', 'edgar', ['oil-change', null]],
    ['en vez de control mejor una consulta', 'clinica-santiago', ['consulta-general', null]],
    ['no un control sino una consulta', 'clinica-santiago', ['consulta-general', null]],
  ] as const)('%s', async (text, business, [serviceKey, alsoServiceKey]) => {
    expect(await understand(text, { business })).toMatchObject({ serviceKey, alsoServiceKey });
  });
});
