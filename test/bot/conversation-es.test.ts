import { DateTime } from 'luxon';
import { conversationApp, type Phone } from '../helpers/app';

/** Clínica Los Aromos over WhatsApp, in Spanish. Lunes 23 de noviembre de 2026, 10:00 en Santiago. */
const CLINIC = 'whatsapp:+56920000001';
const SANTIAGO = 'America/Santiago';
const NOW = '2026-11-23T10:00:00-03:00';
const { app, newPhone } = conversationApp({ now: NOW, to: CLINIC, phonePrefix: 'whatsapp:+5694000' });
const local = (d: Date) => DateTime.fromJSDate(d, { zone: SANTIAGO }).toFormat('ccc yyyy-LL-dd HH:mm ZZ');

async function appointmentsOf(phone: Phone) {
  return app().runtime.db.query(
    `SELECT a.reference, a.status, a.starts_at, a.version, s.key AS service, st.key AS staff, a.source_channel
       FROM appointment a JOIN customer c ON c.id = a.customer_id JOIN service s ON s.id = a.service_id JOIN staff st ON st.id = a.staff_id
      WHERE c.phone = $1 ORDER BY a.created_at`,
    [phone.from.replace('whatsapp:', '')],
  );
}

describe('agendar por WhatsApp', () => {
  it('agenda con la doctora en la mañana, pidiendo el nombre', async () => {
    const phone = newPhone();
    expect(await phone.say('hola, quiero una hora con la doctora el martes en la mañana')).toBe(
      'Esto es lo que tenemos. Libres: 1) mar 24 nov 09:00 2) mar 24 nov 10:30 3) mar 24 nov 11:45. Responde 1-3 u otra hora.',
    );
    expect(await phone.say('la 2')).toBe('¿A nombre de quién agendo?');
    expect(await phone.say('Ana Pérez')).toBe(
      'Consulta general, martes 24 nov, 10:30 con Dra. Soto. Responde SI para agendar.',
    );
    const booked = await phone.say('sí');
    expect(booked).toMatch(
      /^Agendado: Consulta general en Clínica Los Aromos, martes 24 nov, 10:30 con Dra\. Soto\. Código [A-Z0-9]{4}\. Escríbenos para cambiarla\.$/,
    );
    const [a] = await appointmentsOf(phone);
    expect([local(a.starts_at), a.staff, a.service, a.source_channel]).toEqual([
      'Tue 2026-11-24 10:30 -03:00',
      'soto',
      'consulta-general',
      'whatsapp',
    ]);
    const [customer] = await app().runtime.db.query('SELECT name, locale FROM customer WHERE phone = $1', [
      phone.from.replace('whatsapp:', ''),
    ]);
    expect(customer).toEqual({ name: 'Ana Pérez', locale: 'es' });
  });

  it('agenda en un mensaje y sabe quién atiende pediatría', async () => {
    const phone = newPhone();
    expect(
      await phone.say(
        'Hola, me llamo Marta Díaz, necesito pediatra para mi guagua con el doctor Pérez el miércoles a las 10',
      ),
    ).toBe(
      'Dr. Pérez no atiende pediatría. Pediatría, miércoles 25 nov, 10:00 con Dra. Soto. Responde SI para agendar.',
    );
    expect(await phone.say('dale')).toMatch(
      /^Agendado: Pediatría en Clínica Los Aromos, miércoles 25 nov, 10:00 con Dra\. Soto\./,
    );
    const [a] = await appointmentsOf(phone);
    expect([a.staff, a.service]).toEqual(['soto', 'pediatria']);
  });

  it('muestra, cambia y anula una hora', async () => {
    const phone = newPhone();
    await phone.say('me llamo Luis Rojas, quiero un control el jueves a las 16:00');
    const booked = await phone.say('si');
    const ref = /Código ([A-Z0-9]{4,6})\./.exec(booked)![1];
    expect(await phone.say('cuándo es mi hora?')).toBe(`Tus horas: jueves 26 nov, 16:00 Control (${ref}).`);
    expect(await phone.say('puedo cambiar mi hora para el viernes a las 12?')).toBe(
      '¿Cambiar tu control del jueves 26 nov, 16:00 al viernes 27 nov, 12:00? Responde SI para confirmar.',
    );
    expect(await phone.say('sí')).toBe(`Listo: tu control quedó para el viernes 27 nov, 12:00. Código ${ref}.`);
    let [a] = await appointmentsOf(phone);
    expect([local(a.starts_at), a.reference, a.version]).toEqual(['Fri 2026-11-27 12:00 -03:00', ref, 2]);
    expect(await phone.say('quiero anular mi hora')).toBe(
      `¿Anular tu control del viernes 27 nov, 12:00 (código ${ref})? Responde SI para anularla.`,
    );
    expect(await phone.say('sí')).toBe(
      'Anulada: control del viernes 27 nov, 12:00. Escríbenos cuando quieras para agendar otra.',
    );
    [a] = await appointmentsOf(phone);
    expect(a.status).toBe('cancelled');
  });

  it('responde precios y horario', async () => {
    const phone = newPhone();
    expect(await phone.say('qué precios tienen?')).toBe(
      'Clínica Los Aromos: Consulta general $35.000, Control $20.000, Pediatría $40.000. ¿Qué quieres agendar?',
    );
    expect(await phone.say('cuánto cuesta la consulta?')).toBe('Consulta general: $35.000, unos 20 min. ¿Para cuándo?');
    expect(await phone.say('a qué hora atienden?')).toBe(
      'Clínica Los Aromos atiende lunes–viernes 09:00–19:00 y sábado 09:00–13:00.',
    );
    expect(await phone.say('muchas gracias!')).toBe('¡De nada! Escríbenos cuando quieras.');
  });

  it('se da de baja con BAJA y vuelve con START', async () => {
    const phone = newPhone();
    expect(await phone.say('hola')).toMatch(/^¡Hola! Te escribe Clínica Los Aromos/);
    expect(await phone.say('baja')).toBe(
      'Listo, no recibirás más mensajes de Clínica Los Aromos. Responde START para volver.',
    );
    expect((await phone.send('hola?')).text).toBeNull();
    expect(await phone.say('START')).toBe('Volviste a Clínica Los Aromos. Responde HELP para ayuda.');
  });

  it('vuelve también con YES, que Twilio cuenta como alta, y YES sin baja es solo un sí', async () => {
    const phone = newPhone();
    await phone.say('STOP');
    expect(await phone.say('YES')).toBe('Volviste a Clínica Los Aromos. Responde HELP para ayuda.');
    const [row] = await app().runtime.db.query('SELECT opted_out_at FROM customer WHERE phone = $1', [
      phone.from.replace('whatsapp:', ''),
    ]);
    expect(row.opted_out_at).toBeNull();
    expect(await phone.say('YES')).not.toMatch(/^Volviste/);
  });

  it('guarda una nota de voz sin texto y explica que solo lee texto, sin perder lo que venía', async () => {
    const phone = newPhone();
    expect(await phone.say('quiero una consulta')).toMatch(/^¿Para cuándo quieres tu consulta general\?/);
    const voice = await phone.send('', {
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1',
      MediaContentType0: 'audio/ogg',
    });
    expect(voice.text).toBe(
      '¡Gracias! Pero solo puedo leer texto. Puedes escribir, por ejemplo: "consulta general mañana a las 15:00".',
    );
    const [stored] = await app().runtime.db.query(
      `SELECT m.media FROM message m JOIN customer c ON c.id = m.customer_id WHERE c.phone = $1 AND m.direction = 'inbound' ORDER BY m.created_at DESC LIMIT 1`,
      [phone.from.replace('whatsapp:', '')],
    );
    expect(stored.media).toEqual([
      { url: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME1', contentType: 'audio/ogg' },
    ]);
    expect(await phone.say('el jueves en la mañana')).toMatch(/^Esto es lo que tenemos\. Libres: 1\) jue 26 nov/);
  });

  it('cambia de doctor al confirmar, a la misma hora', async () => {
    const phone = newPhone();
    expect(await phone.say('consulta el jueves 10/12 a las 12 con la dra soto, soy Ana Pinto')).toBe(
      'Consulta general, jueves 10 dic, 12:00 con Dra. Soto. Responde SI para agendar.',
    );
    expect(await phone.say('sí pero con el doctor pérez')).toBe(
      'Consulta general, jueves 10 dic, 12:00 con Dr. Pérez. Responde SI para agendar.',
    );
    await phone.say('sí');
    const [a] = await appointmentsOf(phone);
    expect(a.staff).toBe('perez');
  });

  it('dice que el doctor no atiende a esa hora, no que la clínica está cerrada', async () => {
    const phone = newPhone();
    expect(await phone.say('hora con el dr pérez el lunes 14/12 a las 10, soy Luis Mora')).toMatch(
      /^Dr\. Pérez no atiende a esa hora\. Libres: 1\) mar 15 dic 11:00 /,
    );
    expect(await newPhone().say('pediatría el sábado 12/12 a las 10, soy Eva Paz')).toMatch(
      /^A esa hora nadie atiende pediatría\. Libres: 1\) lun 14 dic /,
    );
  });

  it('cambia el servicio con "en vez de", sin agendar el que deja', async () => {
    const phone = newPhone();
    expect(await phone.say('control el martes 15 de diciembre a las 11, soy Ana Soto')).toMatch(
      /^Control, martes 15 dic, 11:00 con /,
    );
    expect(await phone.say('en vez de control mejor una consulta')).toMatch(
      /^Consulta general, martes 15 dic, 11:00 con .*\. Responde SI para agendar\.$/,
    );
    expect(await phone.say('sí')).toMatch(/^Agendado: Consulta general .* Escríbenos para cambiarla\.$/);
    expect((await appointmentsOf(phone)).map((a: { service: string }) => a.service)).toEqual(['consulta-general']);
  });

  it('lee el 3-12 como el 3 de diciembre', async () => {
    const phone = newPhone();
    await phone.say('me llamo Rosa Díaz');
    expect(await phone.say('consulta el 3-12 a las 10, soy Rosa Díaz')).toMatch(
      /^Consulta general, jueves 3 dic, 10:00 con Dr?a?\. \p{L}+\. Responde SI para agendar\.$/u,
    );
  });

  it('agenda bien la semana del cambio de hora de septiembre', async () => {
    app().clock.set('2026-09-03T10:00:00-04:00'); // jueves, todavía en horario de invierno
    const phone = newPhone();
    expect(await phone.say('una consulta el sábado a las 10')).toBe('¿A nombre de quién agendo?');
    expect(await phone.say('Pedro Rojas')).toBe(
      'Consulta general, sábado 5 sept, 10:00 con Dr. Pérez. Responde SI para agendar.',
    );
    await phone.say('sí');
    expect(await phone.say('y otra consulta el lunes a las 10')).toBe(
      'Consulta general, lunes 7 sept, 10:00 con Dra. Soto. Responde SI para agendar.',
    );
    await phone.say('sí');
    const rows = await appointmentsOf(phone);
    expect(rows.map((a: { starts_at: Date }) => a.starts_at.toISOString())).toEqual([
      '2026-09-05T14:00:00.000Z',
      '2026-09-07T13:00:00.000Z',
    ]);
  });
});
