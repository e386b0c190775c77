import { Phone } from '../helpers/app';
import type { BusinessFileDraft } from '../helpers/business';
import { bookByText, ownerApp, waitUntil } from './owner-app';

/**
 * El dueño lleva el día por WhatsApp, en español: una clínica como la de la demo (Santiago, dos
 * doctores). Lunes 23 de noviembre de 2026, 9:00 en Santiago; cada prueba con su propia clínica.
 */
const NOW = '2026-11-23T09:00:00-03:00';
const { app, shop, appointment, appointments, audit, sentTo, received, twilio } = ownerApp({
  now: NOW,
  phonePrefix: '+5694100',
});
const DEMO_CLINIC = 'whatsapp:+56920000001';
const DEMO_OWNER = 'whatsapp:+56990000000';

let addresses = 0;
/** A clinic like the demo's: Spanish first, WhatsApp only, two doctors. */
const clinic = (change: (f: BusinessFileDraft) => void = () => {}) =>
  shop((f) => {
    f.name = 'Clínica Prueba';
    f.timezone = 'America/Santiago';
    f.locale = 'es';
    f.locales = ['es', 'en'];
    f.ownerPhones = [`+5699100${String(++addresses).padStart(4, '0')}`];
    f.channels = [{ channel: 'whatsapp', address: `whatsapp:+5692100${String(addresses).padStart(4, '0')}` }];
    f.hours = {
      mon: ['09:00-18:00'],
      tue: ['09:00-18:00'],
      wed: ['09:00-18:00'],
      thu: ['09:00-18:00'],
      fri: ['09:00-13:00'],
    };
    f.staff = [
      { key: 'soto', name: 'Dra. Soto', aliases: ['soto', 'doctora'] },
      {
        key: 'perez',
        name: 'Dr. Pérez',
        aliases: ['perez', 'doctor'],
        hours: { tue: ['11:00-18:00'], wed: ['11:00-18:00'] },
      },
    ];
    f.services = [
      {
        key: 'oil-change',
        names: { es: 'Consulta general', en: 'General consultation' },
        durationMinutes: 30,
        price: 35000,
      },
    ];
    change(f);
  });

/** The owner writes first: WhatsApp's window for the notices is then open. */
async function openWindow(s: Awaited<ReturnType<typeof clinic>>): Promise<void> {
  await s.owner.say('ayuda');
}

describe('el día por WhatsApp', () => {
  it('muestra un día con cada doctor y el tiempo libre de cada uno, y la siguiente hora', async () => {
    const s = await clinic();
    await openWindow(s);
    const patient = s.customer();
    const ana = await bookByText(patient, ['consulta con la doctora mañana a las 10', 'Ana Pérez'], 'sí');
    const luis = await bookByText(s.customer(), ['consulta con el doctor mañana a las 12', 'Luis Soto'], 'sí');
    expect(await s.owner.say('mañana')).toBe(
      [
        'mar 24 nov:',
        `10:00 ${ana} Consulta general, Ana Pérez, Dra. Soto (agendada)`,
        `12:00 ${luis} Consulta general, Luis Soto, Dr. Pérez (agendada)`,
        'Libre: Dra. Soto 09:00-10:00, 10:30-18:00; Dr. Pérez 11:00-12:00, 12:30-18:00',
      ].join('\n'),
    );
    expect(await s.owner.say('Hoy porfa')).toBe('lun 23 nov: nada agendado.\nLibre: Dra. Soto 09:00-18:00');
    expect(await s.owner.say('el viernes')).toBe('vie 27 nov: nada agendado.\nLibre: Dra. Soto 09:00-13:00');
    expect(await s.owner.say('siguiente')).toBe(
      `Siguiente: martes 24 nov, 10:00, Consulta general (${ana}), agendada.\nAna Pérez ${patient.from.replace('whatsapp:', '')}`,
    );
  });

  it('aprueba con "sí REF" y rechaza con "no REF"; el paciente lo sabe por WhatsApp, en español', async () => {
    const s = await clinic((f) => (f.settings = { ...f.settings, requiresApproval: true }));
    await openWindow(s);
    const ana = s.customer();
    const ref = await bookByText(ana, ['consulta mañana a las 10', 'Ana Pérez'], 'sí');
    const [notice] = await sentTo(s.owner.from, s.number);
    expect(notice.form.Body).toBe(
      `Solicitud: Consulta general martes 24 nov, 10:00 para Ana Pérez. Responde "ok ${ref}" o "no ${ref}".`,
    );
    expect(await s.owner.say(`sí ${ref}`)).toBe(
      `Aprobada ${ref}: Consulta general martes 24 nov, 10:00 para Ana Pérez. Le avisaremos.`,
    );
    const [told] = await sentTo(ana.from, s.number);
    expect(told.form.Body).toBe(
      `Confirmada: tu Consulta general en Clínica Prueba, martes 24 nov, 10:00. Código ${ref}.`,
    );

    const luis = s.customer();
    const other = await bookByText(luis, ['consulta mañana a las 11', 'Luis Soto'], 'sí');
    expect(await s.owner.say(`NO ${other}`)).toBe(
      `Rechazada ${other}: Consulta general martes 24 nov, 11:00 para Luis Soto. La hora queda libre; le avisaremos.`,
    );
    const [declined] = await sentTo(luis.from, s.number);
    expect(declined.form.Body).toBe(
      'Perdón, Clínica Prueba no puede atender tu Consulta general el martes 24 nov, 11:00. Escríbenos otra hora que te acomode.',
    );
  });

  it('no da por lista ni por perdida una hora de otro día: el código debe estar mal', async () => {
    const s = await clinic();
    const later = await s.visit('2026-11-25T11:00', { name: 'Ana Pérez' });
    expect(await s.owner.say(`listo ${later.reference}`)).toBe(
      `${later.reference} es Consulta general el miércoles 25 nov, 11:00, todavía no: no cambié nada. Revisa el código.`,
    );
    expect((await appointment(later.id)).status).toBe('booked');
  });

  it('marca empiezo, listo y no vino, y anula con motivo', async () => {
    const s = await clinic();
    const a = await s.visit('2026-11-23T11:00', { name: 'Ana Pérez' });
    const b = await s.visit('2026-11-23T12:00', { name: 'Luis Soto' });
    expect(await s.owner.say(`empiezo ${a.reference}`)).toBe(
      `En curso: ${a.reference} Consulta general, Ana Pérez. Responde "listo ${a.reference}" al terminar.`,
    );
    expect(await s.owner.say(`listo ${a.reference}`)).toBe(`Lista: ${a.reference} Consulta general, Ana Pérez.`);
    expect(await s.owner.say(`no vino ${b.reference}`)).toBe(
      `No vino: ${b.reference} Consulta general lunes 23 nov, 12:00, Luis Soto.`,
    );
    expect(await s.owner.say(`listo ${b.reference}`)).toBe(`${b.reference} ya se marcó "no vino" hoy a las 09:00.`);
    expect([(await appointment(a.id)).status, (await appointment(b.id)).status]).toEqual(['completed', 'no_show']);

    const patient = s.customer();
    await openWindow(s);
    const ref = await bookByText(patient, ['consulta mañana a las 15', 'Marta Díaz'], 'sí');
    expect(await s.owner.say(`cancela ${ref} la doctora está enferma`)).toBe(
      `Anulada ${ref}: Consulta general martes 24 nov, 15:00 para Marta Díaz. Le avisaremos el motivo ("la doctora está enferma").`,
    );
    const [told] = await sentTo(patient.from, s.number);
    expect(told.form.Body).toBe(
      'Clínica Prueba anuló tu Consulta general del martes 24 nov, 15:00 (la doctora está enferma). Escríbenos para agendar otra hora.',
    );
  });

  it('cambia una hora con "mueve", y el paciente lo sabe', async () => {
    const s = await clinic();
    const patient = s.customer();
    const ref = await bookByText(patient, ['consulta con la doctora mañana a las 10', 'Ana Pérez'], 'sí');
    expect(await s.owner.say(`mueve ${ref} el miércoles a las 16:00`)).toBe(
      `Cambiada ${ref}: Consulta general ahora miércoles 25 nov, 16:00 (Ana Pérez). Le avisaremos.`,
    );
    const [told] = await sentTo(patient.from, s.number);
    expect(told.form.Body).toBe(`Clínica Prueba cambió tu Consulta general al miércoles 25 nov, 16:00. Código ${ref}.`);
  });

  it('bloquea a todos o a un doctor, da el día libre y desbloquea', async () => {
    const s = await clinic();
    const both = await s.owner.say('bloquea mañana 13-15');
    const [first, second] = /\(([A-Z0-9]{4,6}), ([A-Z0-9]{4,6})\)/.exec(both)!.slice(1);
    expect(both).toBe(`Bloqueado mar 24 nov 13:00-15:00 (${first}, ${second}). "desbloquea ${first}" lo libera.`);
    const blocks = await appointments(s.catalog.business.id);
    expect(blocks.map((b) => b.kind)).toEqual(['block', 'block']);
    expect(new Set(blocks.map((b) => b.staff_id)).size).toBe(2);
    expect((await audit(blocks[0].id)).map((e) => e.action)).toEqual(['block']);
    expect(await s.owner.say(`desbloquea ${second}`)).toBe(
      `Desbloqueado mar 24 nov 13:00-15:00 (${first}, ${second}).`,
    );

    const soto = await s.owner.say('bloquea a la doctora soto el miércoles de 10 a 12');
    expect(soto).toMatch(/^Bloqueado miér? 25 nov 10:00-12:00, Dra\. Soto \([A-Z0-9]{4,6}\)\./);
    const off = await s.owner.say('libre el viernes');
    expect(off).toMatch(/^Bloqueado vie 27 nov \([A-Z0-9]{4,6}, [A-Z0-9]{4,6}\)\./);
    expect(await s.owner.say('desbloquea el viernes')).toMatch(/^Desbloqueado vie 27 nov \(/);
  });

  it('da el resumen y la ayuda en dos SMS a lo más', async () => {
    const s = await clinic();
    await s.visit('2026-11-23T11:00');
    expect(await s.owner.say('resumen')).toBe(
      'Hoy: 1 agendadas, 0 listas, 0 no vinieron, ~$35.000. Esta semana: 1 agendadas, 0 listas, 0 no vinieron, ~$35.000.',
    );
    const help = await s.owner.say('ayuda');
    expect(help).toMatch(/^Comandos: hoy, mañana/);
    expect(help.length).toBeLessThanOrEqual(306);
    expect(help).toMatch(/^[\x20-\x7eñ]*$/);
    expect(await s.owner.say('qué onda')).toBe(help);
  });
});

describe('hablar con un paciente por medio del bot', () => {
  it('envía "@REF" desde el número de la clínica y le devuelve la respuesta, por WhatsApp', async () => {
    const s = await clinic();
    await openWindow(s);
    const patient = s.customer();
    const ref = await bookByText(patient, ['consulta mañana a las 10', 'Ana Pérez'], 'sí');
    expect(await s.owner.say(`@${ref} llego en 15`)).toBe(
      `Enviado a Ana Pérez (${ref}). Sus respuestas te llegan por 24 horas.`,
    );
    const sent = await received(patient.from, 'Clínica Prueba: llego en 15');
    expect(sent.form.From).toBe(s.number);
    expect((await patient.send('perfecto, aquí estaré')).text).toBeNull();
    const back = await received(s.owner.from, `${ref} Ana Pérez: perfecto, aquí estaré`);
    expect(back.form.From).toBe(s.number);
    expect(
      twilio()
        .to(patient.from)
        .every((r) => r.form.From === s.number),
    ).toBe(true);
  });

  it('no envía por WhatsApp a quien no escribe hace más de 24 horas, y lo dice', async () => {
    const s = await clinic();
    const patient = s.customer();
    const ref = await bookByText(patient, ['consulta el jueves a las 10', 'Ana Pérez'], 'sí');
    app().clock.set('2026-11-24T10:00:00-03:00');
    expect(await s.owner.say(`@${ref} ¿confirma su hora?`)).toBe(
      `Ana Pérez (${ref}) no escribe hace más de 24 horas y WhatsApp no acepta mensajes ahora; llama al ${patient.from.replace('whatsapp:', '')}.`,
    );
  });
});

describe('avisos al dueño que siempre llegan', () => {
  it('muestra en "hoy" el aviso que no pudo salir (WhatsApp cerrado y sin plantilla)', async () => {
    const s = await clinic();
    const visit = await s.visit('2026-11-23T15:00', { name: 'Ana Pérez' });
    const skipped = async () =>
      app().runtime.db.query(
        `SELECT body FROM message WHERE business_id = $1 AND purpose = 'owner_notice' AND status = 'skipped' AND error_code = 63016`,
        [s.catalog.business.id],
      );
    await waitUntil(async () => (await skipped()).length === 1);
    expect(await s.owner.say('hoy')).toBe(
      [
        'lun 23 nov:',
        `15:00 ${visit.reference} Consulta general, Ana Pérez, Dra. Soto (agendada)`,
        'Libre: Dra. Soto 09:00-15:00, 15:30-18:00',
        `No te llegó: Nueva: Consulta general lunes 23 nov, 15:00 para Ana Pérez. Responde "cancela ${visit.reference}" o "@${visit.reference} tu mensaje".`,
      ].join('\n'),
    );
  });

  it('usa la plantilla aprobada de la clínica de la demo fuera de la ventana, con sus variables', async () => {
    const demo = await app().booking.catalogs.byAddress(DEMO_CLINIC);
    const patient = new Phone(app(), 'whatsapp:+56941009999', DEMO_CLINIC);
    const ref = await bookByText(patient, ['consulta con la doctora soto el jueves a las 10', 'Rosa Díaz'], 'sí');
    const [sent] = await sentTo(DEMO_OWNER, DEMO_CLINIC);
    expect(sent.form.Body).toBeUndefined();
    expect(sent.form.ContentSid).toBe(demo!.business.whatsappTemplates.ownerBooked.es);
    expect(JSON.parse(sent.form.ContentVariables)).toEqual({
      1: 'Clínica Los Aromos',
      2: 'Consulta general',
      3: 'jueves 26 nov, 10:00',
      4: ref,
      5: 'Rosa Díaz',
    });
  });

  it('contesta en español a un dueño de un negocio en inglés que escribe en español, y lo recuerda', async () => {
    const s = await shop((f) => (f.locales = ['en', 'es']));
    const visit = await s.visit('2026-11-24T10:00', { name: 'Ana Ruiz' });
    expect(await s.owner.say('mañana')).toBe(
      `mar 24 nov:\n10:00 ${visit.reference} Oil change, Ana Ruiz (agendada)\nLibre: 08:00-10:00, 10:45-17:00`,
    );
    expect(await s.owner.say(`ok ${visit.reference}`)).toBe(
      `${visit.reference} ya está agendada: no hay nada que aprobar.`,
    );
    expect(await s.owner.say('tomorrow')).toMatch(/^Tue Nov 24:/);
  });
});
