import { EDGAR, edgarConversations, REF } from './edgar';

/**
 * A customer's YES said twice — a double tap, both delivered at once or one after the other, or a
 * YES whose answer was lost and that Twilio delivers again — books one visit and is answered
 * "Booked: …" both times, never "that time was just taken".
 */
const { app, newPhone, appointmentsOf } = edgarConversations('+1555320');

/** Each test books its own day of December, at 10 AM. */
const booked = (day: string) =>
  new RegExp(`^Booked: Oil change with Edgar's Mobile Auto Shop, ${day} at 10:00 AM\\. Ref [A-Z0-9]{4,6}\\.`);

async function proposed(day: string) {
  const phone = newPhone();
  expect(await phone.say(`oil change ${day} at 10am, 4 Elm St, 2015 Honda Fit`)).toBe(
    `Oil change, ${day} at 10:00 AM at 4 Elm St. Reply YES to book.`,
  );
  return phone;
}

it('answers two YES sent at once with the same booking, and books it once', async () => {
  const phone = await proposed('Tue Dec 1');
  const replies = await Promise.all([phone.say('YES'), phone.say('yes')]);
  expect(replies).toEqual([expect.stringMatching(booked('Tue Dec 1')), replies[0]]);
  const visits = await appointmentsOf(phone);
  expect(visits.map((a: { status: string }) => a.status)).toEqual(['booked']);
  expect(replies[0]).toContain(`Ref ${visits[0].reference}.`);
});

it('answers a YES right after the one that booked with the same booking, and confirms nothing', async () => {
  const phone = await proposed('Wed Dec 2');
  const first = await phone.say('yes');
  expect(first).toMatch(booked('Wed Dec 2'));
  expect(await phone.say('Yes!')).toBe(first);
  expect(await phone.say('yes')).toBe(first);
  expect((await appointmentsOf(phone)).map((a: { status: string }) => a.status)).toEqual(['booked']);
});

it('answers a YES redelivered after its answer was lost with the booking it made', async () => {
  const phone = await proposed('Thu Dec 3');
  const db = app().runtime.db;
  // The first delivery books, then cannot save its reply (the database refuses it once): 500.
  await db.query(`CREATE SEQUENCE lose_reply`);
  await db.query(`CREATE FUNCTION lose_reply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.direction = 'outbound' AND NEW.to_address = '${phone.from}' AND nextval('lose_reply') = 1 THEN RAISE EXCEPTION 'connection lost'; END IF;
      RETURN NEW;
    END $$`);
  await db.query(`CREATE TRIGGER lose_reply BEFORE INSERT ON message FOR EACH ROW EXECUTE FUNCTION lose_reply()`);
  try {
    const form = phone.form('YES');
    const first = await phone.deliver(form);
    expect(first.status).toBe(500);
    const again = await phone.deliver(form);
    expect([again.status, again.text]).toEqual([200, expect.stringMatching(booked('Thu Dec 3'))]);
  } finally {
    await db.query(`DROP TRIGGER lose_reply ON message`);
    await db.query(`DROP FUNCTION lose_reply()`);
    await db.query(`DROP SEQUENCE lose_reply`);
  }
  expect((await appointmentsOf(phone)).map((a: { status: string }) => a.status)).toEqual(['booked']);
});

it('takes a YES after a reminder went out as confirming the visit', async () => {
  const phone = await proposed('Fri Dec 4');
  const [, reference] = REF.exec(await phone.say('yes')) ?? [];
  app().clock.advance(60_000);
  await app().runtime.db.query(
    `INSERT INTO message (business_id, customer_id, appointment_id, direction, channel, purpose, from_address, to_address, body, media, status, created_at)
     SELECT a.business_id, a.customer_id, a.id, 'outbound', 'sms', 'reminder', $2, $3, 'Reminder: Oil change…', '[]', 'sent', $4 FROM appointment a WHERE a.reference = $1`,
    [reference, EDGAR, phone.from, app().clock.now()],
  );
  expect(await phone.say('yes')).toBe(`Thanks, see you Fri Dec 4 at 10:00 AM! Ref ${reference}.`);
  expect((await appointmentsOf(phone)).map((a: { status: string }) => a.status)).toEqual(['confirmed']);
});
