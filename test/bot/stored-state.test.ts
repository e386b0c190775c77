import { Writable } from 'node:stream';
import pino from 'pino';
import { stateFrom, storedStateErrors } from '../../bot/dialog/stored-state';
import { freshState } from '../../bot/dialog/state';
import { edgarConversations } from './edgar';

/** A conversation row whose dialog state cannot be read: an ordinary answer, never an error. */
const { app, newPhone } = edgarConversations('+1555340');

const FRESH_START = 'Sorry, I didn\'t get that. You can write e.g. "oil change tomorrow at 3pm".';
const PROPOSAL = 'Oil change, Tue Nov 24 at 3:00 PM at 12 Oak St. Reply YES to book.';

const stateOf = async (phone: string) =>
  (
    await app().runtime.db.query(
      `SELECT v.state FROM conversation v JOIN customer c ON c.id = v.customer_id WHERE c.phone = $1`,
      [phone],
    )
  )[0];

it('answers a customer whose stored state is corrupt as a new conversation, and stores a good state again', async () => {
  const phone = newPhone();
  expect(await phone.say('Oil change tomorrow at 3pm at 12 Oak St, 2015 Honda Civic')).toBe(PROPOSAL);
  const { state } = await stateOf(phone.from);
  await app().runtime.db.query(
    `UPDATE conversation v SET state = $2 FROM customer c WHERE c.id = v.customer_id AND c.phone = $1`,
    [phone.from, { ...state, proposal: { start: 'tomorrow-ish', staffId: 42 } }],
  );
  const errorsBefore = storedStateErrors.count;

  // A YES to the proposal it held would book at an unreadable time: it is read as a first message.
  expect(await phone.say('YES')).toBe(FRESH_START);
  expect(storedStateErrors.count).toBe(errorsBefore + 1);
  // What that answer stored is a good state: the conversation goes on from it.
  expect(await phone.say('Oil change tomorrow at 3pm at 12 Oak St, 2015 Honda Civic')).toBe(PROPOSAL);
  expect(await phone.say('YES')).toMatch(/^Booked: Oil change/);
  expect(storedStateErrors.count).toBe(errorsBefore + 1);
});

it('logs where a stored state is wrong and which conversation, never what it holds', () => {
  const lines: string[] = [];
  const log = pino(
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const state = { ...freshState(), intake: { name: 'Ana Pérez', address: '12 Oak St' }, offered: 'garbage' };
  expect(stateFrom({ id: 'f1e4c6b0-0000-4000-8000-000000000001', state }, log)).toEqual(freshState());
  expect(lines).toHaveLength(1);
  const logged = JSON.parse(lines[0]);
  expect(logged).toMatchObject({
    conversationId: 'f1e4c6b0-0000-4000-8000-000000000001',
    problems: [{ path: 'offered', code: 'invalid_type' }],
  });
  expect(lines[0]).not.toMatch(/Ana|Oak|garbage/);
});

it('reads a state stored before later fields existed, filling them in', () => {
  const log = pino({ level: 'silent' });
  const older = { intent: 'Book', serviceKey: 'oil-change', asked: 'when' };
  expect(stateFrom({ id: 'f1e4c6b0-0000-4000-8000-000000000002', state: older }, log)).toEqual({
    ...freshState(),
    ...older,
  });
});
