import { DateTime } from 'luxon';
import { conversationApp, type Phone } from '../helpers/app';

/**
 * Clínica Los Aromos: a word for the profession ("un doctor", "cualquier doctora") means whoever
 * is free, never the one doctor whose alias it is; a name that is no name is asked again.
 * Lunes 23 de noviembre de 2026, 10:00 en Santiago: Dr. Pérez no atiende los lunes.
 */
const { app, newPhone } = conversationApp({
  now: '2026-11-23T10:00:00-03:00',
  to: 'whatsapp:+56920000001',
  phonePrefix: 'whatsapp:+5694100',
});
const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'America/Santiago' }).toFormat('ccc yyyy-LL-dd HH:mm');

async function visitsOf(phone: Phone): Promise<{ staff: string; starts_at: Date }[]> {
  return app().runtime.db.query(
    `SELECT st.key AS staff, a.starts_at FROM appointment a JOIN customer c ON c.id = a.customer_id
       JOIN staff st ON st.id = a.staff_id WHERE c.phone = $1 ORDER BY a.created_at`,
    [phone.from.replace('whatsapp:', '')],
  );
}

describe('cualquier doctor', () => {
  it.each([
    'hola, quiero hora con cualquier doctor hoy a las 16:00',
    'necesito una consulta con un doctor hoy a las 16:30',
    'me da lo mismo el doctor, una consulta hoy a las 17:00',
  ])('"%s" agenda con quien atiende a esa hora', async (text) => {
    const phone = newPhone();
    expect(await phone.say(text)).toBe('¿A nombre de quién agendo?');
    expect(await phone.say('Rosa Muñoz')).toMatch(/^Consulta general, lunes 23 nov, 1[67]:[03]0 con Dra\. Soto\. /);
    await phone.say('sí');
    const [visit] = await visitsOf(phone);
    expect(visit.staff).toBe('soto');
  });

  it('"con el doctor" sigue siendo el Dr. Pérez', async () => {
    const phone = newPhone();
    expect(await phone.say('hora con el doctor el martes a las 12')).toBe('¿A nombre de quién agendo?');
    expect(await phone.say('Juan Soto')).toMatch(/^Consulta general, martes 24 nov, 12:00 con Dr\. Pérez\. /);
  });
});

describe('un nombre que no es nombre', () => {
  it('toma "mañana" como el día y vuelve a pedir el nombre, diciendo qué necesita', async () => {
    const phone = newPhone();
    expect(await phone.say('quiero un control el miércoles a las 11')).toBe('¿A nombre de quién agendo?');
    expect(await phone.say('mañana')).toMatch(/^Esto es lo que tenemos\. Libres: 1\) mar 24 nov /);
    expect(await phone.say('1')).toBe('¿A nombre de quién agendo? Solo el nombre, p. ej. "Ana Díaz".');
    expect(await phone.say('Elena Vidal')).toMatch(/^Control, martes 24 nov, \d\d:\d\d con /);
    await phone.say('sí');
    const [visit] = await visitsOf(phone);
    expect(local(visit.starts_at)).toMatch(/^Tue 2026-11-24 /);
  });
});
