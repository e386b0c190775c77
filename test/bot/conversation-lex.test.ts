import { DateTime } from 'luxon';
import { seedBusiness } from '../../booking/businesses/seed';
import { createDialogEngine } from '../../dialogs/engine/create-engine';
import { Phone, startTestApp, type TestApp } from '../helpers/app';
import { testBusinessFile } from '../helpers/business';
import { FAKE_LEX_BOT, FAKE_LEX_CREDENTIALS, FAKE_LEX_REGION, FakeLex, slot } from '../helpers/fake-lex';

/**
 * The conversations that matter most, over the signed webhook with the Lex engine selected by the
 * configuration (LEX_* pointing at a local Lex runtime that answers as Lex would for these
 * messages): the same replies and bookings as with the local engine, and the turns that must stay
 * local — numbers, yes and no, details asked for, keywords — never reach Lex.
 */

const EDGAR = '+15550100001';
const EDGAR_NOW = '2026-11-23T09:00:00-08:00';
const CLINIC = 'whatsapp:+56920000001';
const CLINIC_NOW = '2026-11-23T10:00:00-03:00';
const REF = /(?:Ref|Código) ([A-Z0-9]{4,6})\./;

let fake: FakeLex;
let t: TestApp;
let phones = 0;

beforeAll(async () => {
  fake = await FakeLex.start();
  t = await startTestApp({
    now: EDGAR_NOW,
    env: {
      LEX_REGION: FAKE_LEX_REGION,
      LEX_BOT_ID: FAKE_LEX_BOT.botId,
      LEX_BOT_ALIAS_ID: FAKE_LEX_BOT.botAliasId,
      LEX_ENDPOINT: fake.url,
    },
    // Production's engine from production's configuration; only the credentials are the stub's.
    engine: (runtime) => createDialogEngine(runtime.config, runtime.log, { credentials: FAKE_LEX_CREDENTIALS }),
  });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});
beforeEach(() => fake.reset());
afterEach(() => {
  // Every request that reached Lex was one Lex would take: path, locale, session id, signature.
  expect(fake.requests.flatMap((r) => r.problems)).toEqual([]);
});

const newPhone = (to: string) =>
  new Phone(
    t,
    to === EDGAR
      ? `+1555400${String(++phones).padStart(4, '0')}`
      : `whatsapp:+569410${String(++phones).padStart(4, '0')}`,
    to,
  );

async function appointmentsOf(phone: Phone) {
  return t.runtime.db.query(
    `SELECT a.reference, a.status, a.starts_at, a.address, a.notes, s.key AS service, st.key AS staff
       FROM appointment a JOIN customer c ON c.id = a.customer_id JOIN service s ON s.id = a.service_id
       JOIN staff st ON st.id = a.staff_id
      WHERE c.phone = $1 ORDER BY a.created_at`,
    [phone.from.replace('whatsapp:', '')],
  );
}

const wallClock = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('ccc yyyy-LL-dd HH:mm');

describe('Edgar’s shop in English, understood by Lex', () => {
  beforeEach(() => t.clock.set(EDGAR_NOW));

  it('books in one message, and the YES stays local', async () => {
    const text = 'Oil change tomorrow at 3pm at 12 Oak St, 2015 Honda Civic';
    fake.answer(text, {
      intent: 'Book',
      score: 0.92,
      slots: {
        service: slot('Oil change', 'Oil change'),
        date: slot('tomorrow', '2026-11-24'),
        time: slot('3pm', '15:00'),
      },
    });
    const phone = newPhone(EDGAR);
    expect(await phone.say(text)).toBe('Oil change, Tue Nov 24 at 3:00 PM at 12 Oak St. Reply YES to book.');
    expect(await phone.say('YES')).toMatch(
      /^Booked: Oil change with Edgar's Mobile Auto Shop, Tue Nov 24 at 3:00 PM\. Ref [A-Z0-9]{4}\. Text us to change it\.$/,
    );
    const [a] = await appointmentsOf(phone);
    expect(a).toMatchObject({
      status: 'booked',
      service: 'oil-change',
      address: '12 Oak St',
      notes: '2015 Honda Civic',
    });
    expect(a.starts_at.toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(fake.texts()).toEqual([text]);
    expect(fake.requests[0]).toMatchObject({ localeId: 'en_US', requestAttributes: { business: 'edgar' } });
    const [customer] = await t.runtime.db.query('SELECT id FROM customer WHERE phone = $1', [phone.from]);
    expect(fake.requests[0].sessionId).toBe(`sms.${customer.id}`);
  });

  it('books over several turns; the pick, the address, the car and the yes stay local', async () => {
    fake
      .answer('hi, my tires need rotating', {
        intent: 'Book',
        score: 0.87,
        slots: { service: slot('tires', 'Tire rotation') },
      })
      .answer('thursday', { intent: 'Book', score: 0.9, slots: { date: slot('thursday', '2026-11-26') } });
    const phone = newPhone(EDGAR);
    expect(await phone.say('hi, my tires need rotating')).toBe(
      'When would you like your tire rotation? E.g. "tomorrow at 3pm".',
    );
    expect(await phone.say('thursday')).toBe(
      'Here is what we have. Free: 1) Thu Nov 26 8:00 AM 2) Thu Nov 26 12:15 PM 3) Thu Nov 26 4:30 PM. Reply 1-3 or another time.',
    );
    expect(await phone.say('2')).toBe('What address should we come to?');
    expect(await phone.say('88 Elm St')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('2019 Ford F-150')).toBe(
      'Tire rotation, Thu Nov 26 at 12:15 PM at 88 Elm St. Reply YES to book.',
    );
    expect(await phone.say('sounds good')).toMatch(
      /^Booked: Tire rotation with Edgar's Mobile Auto Shop, Thu Nov 26 at 12:15 PM\./,
    );
    const [a] = await appointmentsOf(phone);
    expect([wallClock(a.starts_at, 'America/Los_Angeles'), a.address, a.notes, a.service]).toEqual([
      'Thu 2026-11-26 12:15',
      '88 Elm St',
      '2019 Ford F-150',
      'tire-rotation',
    ]);
    expect(fake.texts()).toEqual(['hi, my tires need rotating', 'thursday']);
    expect(fake.requests[1].sessionState).toMatchObject({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'date' },
      intent: { name: 'Book' },
    });
  });

  it('lists, moves and cancels a visit; every confirmation stays local', async () => {
    const booking = 'oil change on Saturday at 9am, 1 Main St, 2020 Kia Soul';
    fake
      .answer(booking, {
        intent: 'Book',
        slots: {
          service: slot('oil change', 'Oil change'),
          date: slot('Saturday', '2026-11-28'),
          time: slot('9am', '09:00'),
        },
      })
      .answer('when is my appointment?', { intent: 'MyAppointments', score: 0.95 })
      .answer('can I move it to monday at 2pm?', {
        intent: 'Reschedule',
        score: 0.89,
        slots: { date: slot('monday', '2026-11-30'), time: slot('2pm', '14:00') },
      })
      .answer('I need to cancel my appointment', { intent: 'Cancel', score: 0.96 });
    const phone = newPhone(EDGAR);
    await phone.say(booking);
    const ref = REF.exec(await phone.say('yes'))![1];
    expect(await phone.say('when is my appointment?')).toBe(`Your visits: Sat Nov 28 at 9:00 AM Oil change (${ref}).`);
    expect(await phone.say('can I move it to monday at 2pm?')).toBe(
      'Move your oil change from Sat Nov 28 at 9:00 AM to Mon Nov 30 at 2:00 PM? Reply YES to confirm.',
    );
    expect(await phone.say('yes')).toBe(`Done: your oil change is now Mon Nov 30 at 2:00 PM. Ref ${ref}.`);
    expect(await phone.say('I need to cancel my appointment')).toBe(
      `Cancel your oil change on Mon Nov 30 at 2:00 PM (ref ${ref})? Reply YES to cancel it.`,
    );
    expect(await phone.say('yes')).toBe(
      'Cancelled: oil change on Mon Nov 30 at 2:00 PM. Text us any time to book again.',
    );
    const [a] = await appointmentsOf(phone);
    expect([a.status, wallClock(a.starts_at, 'America/Los_Angeles')]).toEqual(['cancelled', 'Mon 2026-11-30 14:00']);
    expect(fake.texts()).toEqual([
      booking,
      'when is my appointment?',
      'can I move it to monday at 2pm?',
      'I need to cancel my appointment',
    ]);
  });

  it('answers the same when Lex is throttling, and keywords never reach Lex', async () => {
    const text = 'can you do diagnostics wednesday at 10am? 9 Birch Rd, 2010 Subaru Outback';
    fake.answer(text, { error: 'ThrottlingException', status: 429 });
    const phone = newPhone(EDGAR);
    expect(await phone.say(text)).toBe('Diagnostics, Wed Nov 25 at 10:00 AM at 9 Birch Rd. Reply YES to book.');
    expect(await phone.say('HELP')).toMatch(/^Edgar's Mobile Auto Shop: book by text/);
    expect(await phone.say('STOP')).toMatch(/^You're unsubscribed from Edgar's Mobile Auto Shop/);
    expect(await phone.say('START')).toMatch(/^You're subscribed to Edgar's Mobile Auto Shop again/);
    // The SDK retried once (maxAttempts 2), then the local engine answered.
    expect(fake.texts()).toEqual([text, text]);
  });
});

describe('a business whose file keeps it local', () => {
  it('never reaches Lex, and books as before', async () => {
    const file = testBusinessFile((f) => (f.settings.useLex = false));
    await seedBusiness(t.runtime.db, file, { production: false, env: {} });
    const phone = new Phone(t, `+1555400${String(++phones).padStart(4, '0')}`, file.channels[0].address);
    expect(await phone.say('diagnostics tomorrow at 10am')).toBe('What name should I put it under?');
    expect(await phone.say('Jo')).toBe('Diagnostics, Tue Nov 24 at 10:00 AM. Reply YES to book.');
    expect(await phone.say('yes')).toMatch(/^Booked: Diagnostics with Test Shop/);
    expect(fake.requests).toEqual([]);
  });
});

describe('la clínica en español por WhatsApp, entendida por Lex (es_419)', () => {
  beforeEach(() => t.clock.set(CLINIC_NOW));

  it('agenda con la doctora en la mañana; la elección, el nombre y el sí quedan locales', async () => {
    const text = 'hola, quiero una hora con la doctora el martes en la mañana';
    fake.answer(text, {
      intent: 'Book',
      score: 0.9,
      slots: {
        staff: slot('la doctora', 'Dra. Soto'),
        date: slot('el martes', '2026-11-24'),
        time: slot('en la mañana', 'MO'),
      },
    });
    const phone = newPhone(CLINIC);
    expect(await phone.say(text)).toBe(
      'Esto es lo que tenemos. Libres: 1) mar 24 nov 09:00 2) mar 24 nov 10:30 3) mar 24 nov 11:45. Responde 1-3 u otra hora.',
    );
    expect(await phone.say('la 2')).toBe('¿A nombre de quién agendo?');
    expect(await phone.say('Ana Pérez')).toBe(
      'Consulta general, martes 24 nov, 10:30 con Dra. Soto. Responde SI para agendar.',
    );
    expect(await phone.say('sí')).toMatch(
      /^Agendado: Consulta general en Clínica Los Aromos, martes 24 nov, 10:30 con Dra\. Soto\./,
    );
    const [a] = await appointmentsOf(phone);
    expect([wallClock(a.starts_at, 'America/Santiago'), a.staff, a.service]).toEqual([
      'Tue 2026-11-24 10:30',
      'soto',
      'consulta-general',
    ]);
    expect(fake.texts()).toEqual([text]);
    expect(fake.requests[0]).toMatchObject({ localeId: 'es_419', requestAttributes: { business: 'clinica-santiago' } });
    expect(fake.requests[0].sessionId).toMatch(/^whatsapp\.[0-9a-f-]{36}$/);
  });

  it('muestra, cambia y anula una hora', async () => {
    const booking = 'me llamo Luis Rojas, quiero un control el jueves a las 16:00';
    fake
      .answer(booking, {
        intent: 'Book',
        slots: {
          service: slot('control', 'Control'),
          date: slot('el jueves', '2026-11-26'),
          time: slot('16:00', '16:00'),
        },
      })
      .answer('cuándo es mi hora?', { intent: 'MyAppointments', score: 0.93 })
      .answer('puedo cambiar mi hora para el viernes a las 12?', {
        intent: 'Reschedule',
        score: 0.9,
        slots: { date: slot('el viernes', '2026-11-27'), time: slot('a las 12', undefined, ['00:00', '12:00']) },
      })
      .answer('quiero anular mi hora', { intent: 'Cancel', score: 0.94 });
    const phone = newPhone(CLINIC);
    await phone.say(booking);
    const ref = REF.exec(await phone.say('si'))![1];
    expect(await phone.say('cuándo es mi hora?')).toBe(`Tus horas: jueves 26 nov, 16:00 Control (${ref}).`);
    expect(await phone.say('puedo cambiar mi hora para el viernes a las 12?')).toBe(
      '¿Cambiar tu control del jueves 26 nov, 16:00 al viernes 27 nov, 12:00? Responde SI para confirmar.',
    );
    expect(await phone.say('sí')).toBe(`Listo: tu control quedó para el viernes 27 nov, 12:00. Código ${ref}.`);
    expect(await phone.say('quiero anular mi hora')).toBe(
      `¿Anular tu control del viernes 27 nov, 12:00 (código ${ref})? Responde SI para anularla.`,
    );
    expect(await phone.say('sí')).toBe(
      'Anulada: control del viernes 27 nov, 12:00. Escríbenos cuando quieras para agendar otra.',
    );
    const [a] = await appointmentsOf(phone);
    expect(a.status).toBe('cancelled');
    const [customer] = await t.runtime.db.query('SELECT name FROM customer WHERE phone = $1', [
      phone.from.replace('whatsapp:', ''),
    ]);
    expect(customer.name).toBe('Luis Rojas');
    expect(fake.texts()).toEqual([
      booking,
      'cuándo es mi hora?',
      'puedo cambiar mi hora para el viernes a las 12?',
      'quiero anular mi hora',
    ]);
  });
});
