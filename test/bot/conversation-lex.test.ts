import { DateTime } from 'luxon';
import { readBusinessFile } from '../../booking/businesses/business-file';
import { DEMO_BUSINESS_FILES, seedBusiness } from '../../booking/businesses/seed';
import { createDialogEngine } from '../../dialogs/engine/create-engine';
import { Phone, startTestApp, type TestApp } from '../helpers/app';
import {
  FAKE_LEX_BOT,
  FAKE_LEX_CREDENTIALS,
  FAKE_LEX_REGION,
  FakeLex,
  type LexAnswer,
  slot,
} from '../helpers/fake-lex';

/**
 * The conversations that matter most, over the signed webhook with the Lex engine selected by the
 * configuration (LEX_* pointing at a local Lex runtime that answers as Lex would for these
 * messages). Each conversation is also held with a twin of the business whose file says
 * `useLex: false`: the replies and the bookings must be the same. The turns that must stay local
 * (numbers, yes and no, details asked for, keywords) never reach Lex, nor does anything the twin
 * is sent: Lex sees each scripted text once.
 */

const EDGAR = {
  to: '+15550100001',
  twin: '+15550100091',
  now: '2026-11-23T09:00:00-08:00',
  zone: 'America/Los_Angeles',
};
const CLINIC = {
  to: 'whatsapp:+56920000001',
  twin: 'whatsapp:+56920000091',
  now: '2026-11-23T10:00:00-03:00',
  zone: 'America/Santiago',
};
type Business = typeof EDGAR;

let fake: FakeLex;
let t: TestApp;
let phones = 0;

beforeAll(async () => {
  fake = await FakeLex.start();
  t = await startTestApp({
    now: EDGAR.now,
    env: {
      LEX_REGION: FAKE_LEX_REGION,
      LEX_BOT_ID: FAKE_LEX_BOT.botId,
      LEX_BOT_ALIAS_ID: FAKE_LEX_BOT.botAliasId,
      LEX_ENDPOINT: fake.url,
    },
    // Production's engine from production's configuration; only the credentials are the stub's.
    engine: (runtime) => createDialogEngine(runtime.config, runtime.log, { credentials: FAKE_LEX_CREDENTIALS }),
  });
  const [edgar, clinic] = await Promise.all(DEMO_BUSINESS_FILES.map(readBusinessFile));
  for (const [file, address] of [
    [edgar, EDGAR.twin],
    [clinic, CLINIC.twin],
  ] as const) {
    const channel = address.startsWith('whatsapp:') ? ('whatsapp' as const) : ('sms' as const);
    const twin = {
      ...file,
      slug: `${file.slug}-local`,
      channels: [{ channel, address }] as typeof file.channels,
      settings: { ...file.settings, useLex: false },
      admins: [],
    };
    await seedBusiness(t.runtime.db, twin, { production: false, env: {} });
  }
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

function newPhone(to: string): Phone {
  const n = String(++phones).padStart(4, '0');
  return new Phone(t, to.startsWith('whatsapp:') ? `whatsapp:+569410${n}` : `+1555400${n}`, to);
}

async function bookingsOf(phone: Phone, zone: string): Promise<string[]> {
  const rows = await t.runtime.db.query(
    `SELECT a.status, a.starts_at, a.address, a.notes, s.key AS service, st.key AS staff, c.name
       FROM appointment a JOIN customer c ON c.id = a.customer_id JOIN service s ON s.id = a.service_id
       JOIN staff st ON st.id = a.staff_id
      WHERE c.phone = $1 ORDER BY a.created_at`,
    [phone.from.replace('whatsapp:', '')],
  );
  return rows.map(
    (a: {
      status: string;
      starts_at: Date;
      address: string;
      notes: string;
      service: string;
      staff: string;
      name: string;
    }) =>
      [
        a.status,
        DateTime.fromJSDate(a.starts_at, { zone }).toFormat('ccc yyyy-LL-dd HH:mm'),
        a.service,
        a.staff,
        a.address,
        a.notes,
        a.name,
      ].join(' | '),
  );
}

/** Appointment codes are random: the same conversation gets another one. */
const withoutCodes = (replies: string[]) => replies.map((r) => r.replace(/\b[ACEFGHJKMNPRTWXY34679]{4,6}\b/g, 'CODE'));

/**
 * The conversation with the business (Lex answering what it was scripted to) and with its twin
 * on the local engine: the replies, which must be the same, and the bookings each made.
 */
async function converse(business: Business, messages: string[], lex: Record<string, LexAnswer>) {
  t.clock.set(business.now);
  for (const [text, answer] of Object.entries(lex)) fake.answer(text, answer);
  const phone = newPhone(business.to);
  const twin = newPhone(business.twin);
  const replies: string[] = [];
  const local: string[] = [];
  for (const message of messages) {
    replies.push(await phone.say(message));
    local.push(await twin.say(message));
  }
  expect(withoutCodes(replies)).toEqual(withoutCodes(local));
  expect(await bookingsOf(phone, business.zone)).toEqual(await bookingsOf(twin, business.zone));
  return { replies, bookings: await bookingsOf(phone, business.zone), phone };
}

describe('Edgar’s shop in English, understood by Lex', () => {
  it('books in one message, and the YES stays local', async () => {
    const text = 'Oil change tomorrow at 3pm at 12 Oak St, 2015 Honda Civic';
    const { replies, bookings, phone } = await converse(EDGAR, [text, 'YES'], {
      [text]: {
        intent: 'Book',
        score: 0.92,
        slots: {
          service: slot('Oil change', 'Oil change'),
          date: slot('tomorrow', '2026-11-24'),
          time: slot('3pm', '15:00'),
        },
      },
    });
    expect(replies[0]).toBe('Oil change, Tue Nov 24 at 3:00 PM at 12 Oak St. Reply YES to book.');
    expect(bookings).toEqual(['booked | Tue 2026-11-24 15:00 | oil-change | edgar | 12 Oak St | 2015 Honda Civic | ']);
    expect(fake.texts()).toEqual([text]);
    expect(fake.requests[0]).toMatchObject({ localeId: 'en_US', requestAttributes: { business: 'edgar' } });
    const [customer] = await t.runtime.db.query('SELECT id FROM customer WHERE phone = $1', [phone.from]);
    expect(fake.requests[0].sessionId).toBe(`sms.${customer.id}`);
  });

  it('books over several turns; the pick, the address, the car and the yes stay local', async () => {
    const { replies, bookings } = await converse(
      EDGAR,
      ['hi, my tires need rotating', 'thursday', '2', '88 Elm St', '2019 Ford F-150', 'sounds good'],
      {
        'hi, my tires need rotating': {
          intent: 'Book',
          score: 0.87,
          slots: { service: slot('tires', 'Tire rotation') },
        },
        thursday: { intent: 'Book', score: 0.9, slots: { date: slot('thursday', '2026-11-26') } },
      },
    );
    expect(replies[1]).toBe(
      'Here is what we have. Free: 1) Thu Nov 26 8:00 AM 2) Thu Nov 26 12:15 PM 3) Thu Nov 26 4:30 PM. Reply 1-3 or another time.',
    );
    expect(bookings).toEqual([
      'booked | Thu 2026-11-26 12:15 | tire-rotation | edgar | 88 Elm St | 2019 Ford F-150 | ',
    ]);
    expect(fake.texts()).toEqual(['hi, my tires need rotating', 'thursday']);
    expect(fake.requests[1].sessionState).toMatchObject({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'date' },
      intent: { name: 'Book' },
    });
  });

  it('lists, moves and cancels a visit; every confirmation stays local', async () => {
    const booking = 'oil change on Saturday at 9am, 1 Main St, 2020 Kia Soul';
    const asks = ['when is my appointment?', 'can I move it to monday at 2pm?', 'I need to cancel my appointment'];
    const { replies, bookings } = await converse(EDGAR, [booking, 'yes', asks[0], asks[1], 'yes', asks[2], 'yes'], {
      [booking]: {
        intent: 'Book',
        slots: {
          service: slot('oil change', 'Oil change'),
          date: slot('Saturday', '2026-11-28'),
          time: slot('9am', '09:00'),
        },
      },
      [asks[0]]: { intent: 'MyAppointments', score: 0.95 },
      [asks[1]]: {
        intent: 'Reschedule',
        score: 0.89,
        slots: { date: slot('monday', '2026-11-30'), time: slot('2pm', '14:00') },
      },
      [asks[2]]: { intent: 'Cancel', score: 0.96 },
    });
    expect(replies.slice(2)).toEqual([
      expect.stringMatching(/^Your visits: Sat Nov 28 at 9:00 AM Oil change \([A-Z0-9]+\)\.$/),
      'Move your oil change from Sat Nov 28 at 9:00 AM to Mon Nov 30 at 2:00 PM? Reply YES to confirm.',
      expect.stringMatching(/^Done: your oil change is now Mon Nov 30 at 2:00 PM\./),
      expect.stringMatching(
        /^Cancel your oil change on Mon Nov 30 at 2:00 PM \(ref [A-Z0-9]+\)\? Reply YES to cancel it\.$/,
      ),
      'Cancelled: oil change on Mon Nov 30 at 2:00 PM. Text us any time to book again.',
    ]);
    expect(bookings).toEqual(['cancelled | Mon 2026-11-30 14:00 | oil-change | edgar | 1 Main St | 2020 Kia Soul | ']);
    expect(fake.texts()).toEqual([booking, ...asks]);
  });

  it('answers the same when Lex is throttling, and keywords never reach Lex', async () => {
    const text = 'can you do diagnostics wednesday at 10am? 9 Birch Rd, 2010 Subaru Outback';
    const { replies } = await converse(EDGAR, [text, 'HELP', 'STOP', 'START'], {
      [text]: { error: 'ThrottlingException', status: 429 },
    });
    expect(replies[0]).toBe('Diagnostics, Wed Nov 25 at 10:00 AM at 9 Birch Rd. Reply YES to book.');
    // The SDK retried once (maxAttempts 2), then the local engine answered.
    expect(fake.texts()).toEqual([text, text]);
  });
});

describe('la clínica en español por WhatsApp, entendida por Lex (es_419)', () => {
  it('agenda con la doctora en la mañana; la elección, el nombre y el sí quedan locales', async () => {
    const text = 'hola, quiero una hora con la doctora el martes en la mañana';
    const { replies, bookings } = await converse(CLINIC, [text, 'la 2', 'Ana Pérez', 'sí'], {
      [text]: {
        intent: 'Book',
        score: 0.9,
        slots: {
          staff: slot('la doctora', 'Dra. Soto'),
          date: slot('el martes', '2026-11-24'),
          time: slot('en la mañana', 'MO'),
        },
      },
    });
    expect(replies[0]).toBe(
      'Esto es lo que tenemos. Libres: 1) mar 24 nov 09:00 2) mar 24 nov 10:30 3) mar 24 nov 11:45. Responde 1-3 u otra hora.',
    );
    expect(bookings).toEqual(['booked | Tue 2026-11-24 10:30 | consulta-general | soto |  |  | Ana Pérez']);
    expect(fake.texts()).toEqual([text]);
    expect(fake.requests[0]).toMatchObject({ localeId: 'es_419', requestAttributes: { business: 'clinica-santiago' } });
    expect(fake.requests[0].sessionId).toMatch(/^whatsapp\.[0-9a-f-]{36}$/);
  });

  it('muestra, cambia y anula una hora', async () => {
    const booking = 'me llamo Luis Rojas, quiero un control el jueves a las 16:00';
    const asks = ['cuándo es mi hora?', 'puedo cambiar mi hora para el viernes a las 12?', 'quiero anular mi hora'];
    const { replies, bookings } = await converse(CLINIC, [booking, 'si', asks[0], asks[1], 'sí', asks[2], 'sí'], {
      [booking]: {
        intent: 'Book',
        slots: {
          service: slot('control', 'Control'),
          date: slot('el jueves', '2026-11-26'),
          time: slot('16:00', '16:00'),
        },
      },
      [asks[0]]: { intent: 'MyAppointments', score: 0.93 },
      [asks[1]]: {
        intent: 'Reschedule',
        score: 0.9,
        slots: { date: slot('el viernes', '2026-11-27'), time: slot('a las 12', undefined, ['00:00', '12:00']) },
      },
      [asks[2]]: { intent: 'Cancel', score: 0.94 },
    });
    expect(replies.slice(3)).toEqual([
      '¿Cambiar tu control del jueves 26 nov, 16:00 al viernes 27 nov, 12:00? Responde SI para confirmar.',
      expect.stringMatching(/^Listo: tu control quedó para el viernes 27 nov, 12:00\./),
      expect.stringMatching(/^¿Anular tu control del viernes 27 nov, 12:00 \(código [A-Z0-9]+\)\?/),
      'Anulada: control del viernes 27 nov, 12:00. Escríbenos cuando quieras para agendar otra.',
    ]);
    expect(bookings).toEqual(['cancelled | Fri 2026-11-27 12:00 | control | soto |  |  | Luis Rojas']);
    expect(fake.texts()).toEqual([booking, ...asks]);
  });
});
