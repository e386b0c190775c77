import pino from 'pino';
import { loadConfig } from '../../core/config';
import { lexFallbacks } from '../../core/metrics';
import type { NluTurn } from '../../bot/nlu-context';
import { createDialogEngine } from '../../dialogs/engine/create-engine';
import { createLexEngine, type LexEngine, type LexEngineOptions } from '../../dialogs/engine/lex';
import { understandLocally } from '../../dialogs/engine/local';
import type { NluConversation, Understanding } from '../../dialogs/engine/types';
import { FAKE_LEX_BOT, FAKE_LEX_CREDENTIALS, FAKE_LEX_REGION, FakeLex, slot } from '../helpers/fake-lex';
import { type DemoBusiness, demoContext } from './demo-context';

/**
 * The Lex engine through the real @aws-sdk/client-lex-runtime-v2 against a local Lex runtime that
 * speaks Lex's wire format over HTTP/2: what it sends, how Lex's answers are read back into the
 * local engine's result, which turns never reach Lex, and how every failure leaves the turn to
 * the local engine.
 */

const EDGAR_NOW = new Date('2026-11-23T09:00:00-08:00'); // Monday, Los Angeles
const CLINIC_NOW = new Date('2026-11-23T10:00:00-03:00'); // Monday, Santiago
const CUSTOMER = '6f1d2c3b-4a59-4e8f-9a0b-1c2d3e4f5a6b';

const conversation = (business: string, over: Partial<NluConversation> = {}): NluConversation => ({
  business,
  customerId: CUSTOMER,
  channel: 'sms',
  cloud: true,
  ...over,
});

const silent = pino({ level: 'silent' });
let fake: FakeLex;
let engine: LexEngine;

function lexEngine(over: Partial<LexEngineOptions> = {}): LexEngine {
  return createLexEngine({
    region: FAKE_LEX_REGION,
    ...FAKE_LEX_BOT,
    endpoint: fake.url,
    credentials: FAKE_LEX_CREDENTIALS,
    log: silent,
    ...over,
  });
}

beforeAll(async () => {
  fake = await FakeLex.start();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  engine = lexEngine();
});

async function context(business: DemoBusiness, turn: NluTurn = {}) {
  const slug = business === 'edgar' ? 'edgar' : 'clinica-santiago';
  return demoContext(business, business === 'edgar' ? EDGAR_NOW : CLINIC_NOW, {
    conversation: conversation(slug),
    ...turn,
  });
}

async function understandBoth(text: string, business: DemoBusiness = 'edgar', turn: NluTurn = {}) {
  const ctx = await context(business, turn);
  return { lex: await engine.understand(text, ctx), local: understandLocally(text, ctx) };
}

describe('what the engine sends Lex', () => {
  it('signs RecognizeText for the customer’s locale, with a session id Lex allows and the business named', async () => {
    fake.answer('can you do an oil change tomorrow at 3pm', { intent: 'Book' });
    await engine.understand(
      'can you do an oil change tomorrow at 3pm',
      await context('edgar', { conversation: conversation('edgar', { channel: 'whatsapp' }) }),
    );
    expect(fake.requests).toEqual([
      expect.objectContaining({
        ...FAKE_LEX_BOT,
        localeId: 'en_US',
        sessionId: `whatsapp.${CUSTOMER}`,
        text: 'can you do an oil change tomorrow at 3pm',
        requestAttributes: { business: 'edgar' },
        problems: [],
      }),
    ]);
    expect(fake.requests[0].sessionId).toMatch(/^[0-9a-zA-Z._:-]{2,100}$/);
  });

  it('says which slot the pending question fills, on the intent in progress', async () => {
    fake.answer('thursday', { intent: 'Book', slots: { date: slot('thursday', '2026-11-26') } });
    await engine.understand('thursday', await context('edgar', { expecting: 'when', activeIntent: 'Reschedule' }));
    expect(fake.requests[0].sessionState).toEqual({
      sessionAttributes: { expecting: 'when', activeIntent: 'Reschedule', timezone: 'America/Los_Angeles' },
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'date' },
      intent: { name: 'Reschedule', state: 'InProgress' },
    });
  });

  it('is refused by a Lex that cannot verify the signature, and the local engine answers', async () => {
    engine = lexEngine({ credentials: { ...FAKE_LEX_CREDENTIALS, secretAccessKey: 'not-the-secret' } });
    const { lex, local } = await understandBoth('can you do an oil change tomorrow at 3pm');
    expect(fake.requests[0].problems).toEqual(['the signature does not match the request']);
    expect(lex).toEqual(local);
    expect(engine.stats.fellBack.refused).toBe(1);
  });
});

describe('Lex’s answers, read back', () => {
  it('books in one message: intent, service from the catalog, date and time in the business’s zone', async () => {
    fake.answer('could you squeeze in a lube job tmrw at 3pm', {
      intent: 'Book',
      score: 0.94,
      slots: {
        service: slot('lube job', 'Oil change'),
        date: slot('tmrw', '2026-11-24'),
        time: slot('3pm', '15:00'),
      },
    });
    const { lex } = await understandBoth('could you squeeze in a lube job tmrw at 3pm');
    expect(lex).toMatchObject<Partial<Understanding>>({
      intent: 'Book',
      confidence: 0.94,
      locale: 'en',
      serviceKey: 'oil-change',
      when: { start: '2026-11-24T15:00:00-08:00', end: '2026-11-24T15:00:00-08:00', grain: 'minute' },
    });
    expect(engine.stats).toMatchObject({ calls: 1, answered: 1 });
  });

  it('fills slots over several turns, each answer on the intent and the day in progress', async () => {
    fake
      .answer('my brakes are squeaking', {
        intent: 'Book',
        score: 0.88,
        slots: { service: slot('brakes', 'Brake pads') },
      })
      .answer('thursday', { intent: 'Book', score: 0.9, slots: { date: slot('thursday', '2026-11-26') } })
      .answer('around 2', { intent: 'Book', score: 0.86, slots: { time: slot('2', undefined, ['02:00', '14:00']) } });
    const first = await engine.understand('my brakes are squeaking', await context('edgar'));
    expect(first).toMatchObject({ intent: 'Book', serviceKey: 'brake-pads', when: null });
    const second = await engine.understand(
      'thursday',
      await context('edgar', { expecting: 'when', activeIntent: 'Book' }),
    );
    expect(second).toMatchObject({
      intent: 'Book',
      when: { start: '2026-11-26T00:00:00-08:00', end: '2026-11-27T00:00:00-08:00', grain: 'day' },
    });
    const third = await engine.understand(
      'around 2',
      await context('edgar', { expecting: 'when', activeIntent: 'Book', focusDay: '2026-11-26' }),
    );
    // Lex's 14:00 on the day in focus; the local reader adds that "around" makes it an hour.
    expect(third.when).toEqual({ start: '2026-11-26T14:00:00-08:00', end: '2026-11-26T15:00:00-08:00', grain: 'hour' });
    expect(fake.requests.map((r) => r.sessionState?.dialogAction?.slotToElicit)).toEqual([undefined, 'date', 'time']);
  });

  it('moves a visit', async () => {
    fake.answer('can we push my thing to fri morning', {
      intent: 'Reschedule',
      score: 0.81,
      slots: { date: slot('fri', '2026-11-27'), time: slot('morning', 'MO') },
    });
    const { lex } = await understandBoth('can we push my thing to fri morning');
    expect(lex).toMatchObject({
      intent: 'Reschedule',
      when: { start: '2026-11-27T08:00:00-08:00', end: '2026-11-27T12:00:00-08:00', grain: 'part_of_day' },
    });
  });

  it('cancels', async () => {
    fake.answer('something came up so call it off', { intent: 'Cancel', score: 0.77 });
    const { lex } = await understandBoth('something came up so call it off');
    expect(lex).toMatchObject({ intent: 'Cancel', confidence: 0.77, serviceKey: null, when: null });
  });

  it('speaks Spanish with es_419: the doctor from the clinic’s staff, "en la tarde" as the afternoon', async () => {
    fake.answer('quisiera ver a la doctora soto el martes en la tarde', {
      intent: 'Book',
      score: 0.91,
      slots: {
        staff: slot('doctora soto', 'Dra. Soto'),
        date: slot('el martes', '2026-11-24'),
        time: slot('en la tarde', 'AF'),
      },
    });
    const { lex } = await understandBoth('quisiera ver a la doctora soto el martes en la tarde', 'clinica-santiago');
    expect(fake.requests[0]).toMatchObject({ localeId: 'es_419', requestAttributes: { business: 'clinica-santiago' } });
    expect(lex).toMatchObject({
      intent: 'Book',
      locale: 'es',
      staffKey: 'soto',
      when: { start: '2026-11-24T12:00:00-03:00', end: '2026-11-24T17:00:00-03:00', grain: 'part_of_day' },
    });
  });

  it('reads an ambiguous "10 o’clock" (two resolved values, no interpreted one) as the business would', async () => {
    fake
      .answer('diagnostics on the 27th at 10 oclock', {
        intent: 'Book',
        slots: {
          service: slot('diagnostics', 'Diagnostics'),
          date: slot('27th', '2026-11-27'),
          time: slot('10 oclock', undefined, ['10:00', '22:00']),
        },
      })
      .answer('diagnostics on the 27th at 3 oclock', {
        intent: 'Book',
        slots: {
          service: slot('diagnostics', 'Diagnostics'),
          date: slot('27th', '2026-11-27'),
          time: slot('3 oclock', undefined, ['03:00', '15:00']),
        },
      });
    const ten = await engine.understand('diagnostics on the 27th at 10 oclock', await context('edgar'));
    const three = await engine.understand('diagnostics on the 27th at 3 oclock', await context('edgar'));
    expect([ten.when?.start, three.when?.start]).toEqual(['2026-11-27T10:00:00-08:00', '2026-11-27T15:00:00-08:00']);
  });

  it('takes "next week", which Lex gives as a Sunday, as the whole week', async () => {
    fake.answer('any openings next week', { intent: 'Book', slots: { date: slot('next week', '2026-12-06') } });
    const { lex } = await understandBoth('any openings next week');
    expect(lex.when).toEqual({ start: '2026-11-30T00:00:00-08:00', end: '2026-12-07T00:00:00-08:00', grain: 'week' });
  });

  it('maps a service only onto the catalog of the business texted', async () => {
    // "revisión" is Edgar's diagnostics in the shared slot type, but the clinic's follow-up.
    fake.answer('necesito una revisión el jueves', {
      intent: 'Book',
      slots: { service: slot('revisión', 'Diagnóstico'), date: slot('el jueves', '2026-11-26') },
    });
    const { lex } = await understandBoth('necesito una revisión el jueves', 'clinica-santiago');
    expect(lex).toMatchObject({ intent: 'Book', serviceKey: 'control' });
  });
});

describe('turns that never reach Lex', () => {
  it.each<[string, string, NluTurn]>([
    ['a number picking an offered time', '2', { expecting: 'choice', activeIntent: 'Book', offeredCount: 3 }],
    ['a yes to a proposal', 'yes', { expecting: 'confirmation', activeIntent: 'Book' }],
    ['a change said with the yes', 'yes but 10am instead', { expecting: 'confirmation', activeIntent: 'Book' }],
    ['a bare yes after a reminder', 'C', {}],
    ['an appointment code', 'cancel K7WM', {}],
    ['an address asked for', '88 Elm St', { expecting: 'address', activeIntent: 'Book' }],
    ['a car asked for', '2019 Ford F-150', { expecting: 'vehicle', activeIntent: 'Book' }],
  ])('%s ("%s")', async (_, text, turn) => {
    const { lex, local } = await understandBoth(text, 'edgar', turn);
    expect(lex).toEqual(local);
    expect(fake.requests).toEqual([]);
    expect(engine.stats).toMatchObject({ calls: 0, keptLocal: 1 });
  });

  it('nor does anything from a business whose file keeps it local', async () => {
    const ctx = await context('edgar', { conversation: conversation('edgar', { cloud: false }) });
    expect(await engine.understand('can you do an oil change tomorrow at 3pm', ctx)).toEqual(
      understandLocally('can you do an oil change tomorrow at 3pm', ctx),
    );
    expect(fake.requests).toEqual([]);
  });

  it('asks once for a message the turn reads again with another day in focus', async () => {
    fake.answer('can you do 2pm instead', { intent: 'Reschedule', slots: { time: slot('2pm', '14:00') } });
    const again = await engine.understand('can you do 2pm instead', await context('edgar', { focusDay: '2026-11-25' }));
    const first = await engine.understand('can you do 2pm instead', await context('edgar'));
    expect([first.when?.start, again.when?.start]).toEqual(['2026-11-23T14:00:00-08:00', '2026-11-25T14:00:00-08:00']);
    expect(fake.requests).toHaveLength(1);
  });

  it('uses the local engine alone when no Lex bot is configured', async () => {
    const local = createDialogEngine(loadConfig({ LEX_ENDPOINT: fake.url }), silent);
    const ctx = await context('edgar');
    expect(await local.understand('book an oil change', ctx)).toEqual(understandLocally('book an oil change', ctx));
    expect(fake.requests).toEqual([]);
  });
});

describe('when Lex cannot answer, the local engine does and the failure is counted', () => {
  const text = 'could you squeeze in a lube job tmrw at 3pm';

  const counted = async (reason: string) =>
    (await lexFallbacks.get()).values.find((v) => v.labels.reason === reason && v.labels.locale === 'en')?.value ?? 0;

  async function expectLocalAnswer(reason: keyof LexEngine['stats']['fellBack'], requests: number) {
    const before = await counted(reason);
    const { lex, local } = await understandBoth(text);
    expect(lex).toEqual(local);
    expect(engine.stats.fellBack[reason]).toBe(1);
    // …and in /metrics, where the Lex fallback alarm reads it.
    expect(await counted(reason)).toBe(before + 1);
    expect(engine.stats.answered).toBe(0);
    expect(fake.requests).toHaveLength(requests);
  }

  it('its fallback intent (low confidence)', async () => {
    fake.answer(text, { intent: 'FallbackIntent' });
    await expectLocalAnswer('low_confidence', 1);
  });

  it('an intent below the engine’s threshold', async () => {
    fake.answer(text, { intent: 'Book', score: 0.41, slots: { service: slot('lube job', 'Oil change') } });
    await expectLocalAnswer('low_confidence', 1);
  });

  it('429 throttling, retried by the SDK only as far as maxAttempts', async () => {
    fake.answer(text, { error: 'ThrottlingException', status: 429 });
    await expectLocalAnswer('throttled', 2);
  });

  it('500 from Lex', async () => {
    fake.answer(text, { error: 'InternalServerException', status: 500 });
    await expectLocalAnswer('unavailable', 2);
  });

  it('a Lex that does not answer in time', async () => {
    engine = lexEngine({ attemptTimeoutMs: 200, deadlineMs: 500 });
    fake.answer(text, { stallMs: 10_000 });
    const { lex, local } = await understandBoth(text);
    expect(lex).toEqual(local);
    expect(engine.stats.fellBack.timeout).toBe(1);
  });

  it('a Lex that cannot be reached', async () => {
    const closed = await FakeLex.start();
    const endpoint = closed.url;
    await closed.close();
    engine = lexEngine({ endpoint });
    const { lex, local } = await understandBoth(text);
    expect(lex).toEqual(local);
    expect(engine.stats.fellBack.unreachable).toBe(1);
  });

  it('logs the failure with Lex’s request id and nothing the customer wrote', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    engine = lexEngine({ log });
    fake.answer(text, { error: 'InternalServerException', status: 500 });
    await engine.understand(text, await context('edgar'));
    const entry = JSON.parse(lines.find((l) => l.includes('Lex did not answer'))!);
    expect(entry).toMatchObject({
      engine: 'lex',
      reason: 'unavailable',
      errorName: 'InternalServerException',
      status: 500,
    });
    expect(entry.lexRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.join('\n')).not.toMatch(/lube|tmrw/);
  });
});
