import { Phone } from '../helpers/app';
import { EDGAR, edgarConversations, REF } from './edgar';

const { app, newPhone } = edgarConversations('+1555310');

it('prints', async () => {
  const c = newPhone();
  await c.say('Oil change tomorrow at 3pm at 12 Oak St, 2015 Honda Civic');
  const booked = await c.say('YES');
  const ref = REF.exec(booked)![1];
  const owner = new Phone(app(), '+15550109999', EDGAR);
  for (const text of [
    'today',
    'tomorrow',
    'next',
    'block tomorrow 1-3pm',
    'block tomorrow 2-4pm',
    'tomorrow',
    `done ${ref}`,
    `start ${ref}`,
    `move ${ref} tue 8am`,
    '2',
    'stats',
    'help',
    'hoy',
    'mañana',
    `cancel ${ref} no parts`,
    `done ${ref}`,
    `ok ${ref.toLowerCase()}`,
    `done ${ref.slice(0, 3)}X`,
    'unblock tomorrow',
    'off friday',
    'fri',
    'siguiente',
    'ayuda',
  ]) {
    console.log(`> ${text}\n${await owner.say(text)}`);
  }
});
