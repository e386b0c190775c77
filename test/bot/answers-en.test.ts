import { edgarConversations, local } from './edgar';

/**
 * Edgar's customers changing their minds: a yes or no that carries a change, corrections in
 * place of the detail asked for, a day being settled, and letting a request go.
 */
const { app, newPhone, appointmentsOf } = edgarConversations('+1555310');

describe('answers that change or decline the plan', () => {
  it('takes a new time given with the yes, on the day being discussed, and books that', async () => {
    const phone = newPhone();
    expect(await phone.say('brake pads tuesday dec 8 at 9am, 7 Ash St, 2016 Jeep Cherokee')).toBe(
      'Brake pads, Tue Dec 8 at 9:00 AM at 7 Ash St. Reply YES to book.',
    );
    expect(await phone.say('yes but can we do 1pm instead')).toBe(
      'Brake pads, Tue Dec 8 at 1:00 PM at 7 Ash St. Reply YES to book.',
    );
    expect(await phone.say('yes')).toMatch(/^Booked: Brake pads .*Tue Dec 8 at 1:00 PM/);
    const [a] = await appointmentsOf(phone);
    expect(local(a.starts_at)).toBe('Tue 2026-12-08 13:00 -08:00');
  });

  it("reads a bare time after the day was settled as that day's", async () => {
    const phone = newPhone();
    await phone.say('oil change, 8 Cedar Ln, 2014 Nissan Leaf');
    expect(await phone.say('wednesday dec 9')).toMatch(/^Here is what we have\. Free: 1\) Wed Dec 9 /);
    expect(await phone.say('12:30')).toBe('Oil change, Wed Dec 9 at 12:30 PM at 8 Cedar Ln. Reply YES to book.');
    expect(await phone.say('actually make it 10am')).toBe(
      'Oil change, Wed Dec 9 at 10:00 AM at 8 Cedar Ln. Reply YES to book.',
    );
    expect(await phone.say('11?')).toBe('Oil change, Wed Dec 9 at 11:00 AM at 8 Cedar Ln. Reply YES to book.');
  });

  it('notes an address given while times are on offer, and asks for the time again', async () => {
    const phone = newPhone();
    expect(await phone.say('tire rotation monday dec 14')).toMatch(
      /^Here is what we have\. Free: 1\) Mon Dec 14 8:00 AM /,
    );
    expect(await phone.say('12 Oak St')).toMatch(/^Free: 1\) Mon Dec 14 8:00 AM .*\. Reply 1-3 or another time\.$/);
    expect(await phone.say('1')).toBe('What car is it (year, make, model)?');
  });

  it('takes the only time offered with a yes, and asks again when a yes cannot say which', async () => {
    app().clock.set('2026-11-23T15:15:00-08:00');
    const phone = newPhone();
    await phone.say('my address is 3 Elm Ct');
    expect(await phone.say('oil change today, 3 Elm Ct, 2018 Kia Rio')).toBe(
      'Here is what we have. Free: 1) Mon Nov 23 4:15 PM. Reply 1 or another time.',
    );
    expect(await phone.say('yes')).toBe('Oil change, Mon Nov 23 at 4:15 PM at 3 Elm Ct. Reply YES to book.');
    const other = newPhone();
    await other.say('tire rotation thursday, 4 Elm Ct, 2018 Kia Rio');
    expect(await other.say('ok')).toMatch(/^Free: 1\) Thu Nov 26 8:00 AM 2\) .* 3\) .*\. Reply 1-3 or another time\.$/);
  });

  it('says nothing is free when a whole day is closed, rather than that a time is taken', async () => {
    const phone = newPhone();
    expect(await phone.say('oil change sunday')).toBe(
      'Nothing is free then. Free: 1) Mon Nov 30 8:00 AM 2) Mon Nov 30 8:15 AM 3) Mon Nov 30 8:30 AM. Reply 1-3 or another time.',
    );
  });

  it('never confirms a visit on a no, and says how to move or cancel it', async () => {
    const phone = newPhone();
    await phone.say('battery replacement thursday dec 10 at 11am, 6 Oak Pl, 2009 Ford Focus');
    await phone.say('yes');
    expect(await phone.say('no')).toBe(
      'OK, your battery replacement on Thu Dec 10 at 11:00 AM is not confirmed. Tell me a new time to move it, or write "cancel my visit".',
    );
    expect(await phone.say('tire rotation friday dec 11')).toMatch(/^Here is what we have\./);
    expect(await phone.say('no, none of those work')).toBe('No problem. Tell me another time or day that suits you.');
    expect((await appointmentsOf(phone)).map((a: { status: string }) => a.status)).toEqual(['booked']);
    const other = newPhone();
    await other.say('diagnostics thursday dec 10 at 3pm, 6 Oak Pl, 2009 Ford Focus');
    const booked = await other.say('yes');
    const [{ reference }] = await appointmentsOf(other);
    // A yes right after the one that booked is the same yes again: the booking is said again.
    expect(await other.say('yes')).toBe(booked);
    expect((await appointmentsOf(other)).map((a: { status: string }) => a.status)).toEqual(['booked']);
    await other.say('thanks');
    expect(await other.say('yes')).toBe(`Thanks, see you Thu Dec 10 at 3:00 PM! Ref ${reference}.`);
    expect((await appointmentsOf(other)).map((a: { status: string }) => a.status)).toEqual(['confirmed']);
  });

  it('moves a proposal or a visit by "30 min earlier" or "an hour later"', async () => {
    const phone = newPhone();
    expect(await phone.say('battery replacement mon dec 21 at 1pm, 3 Ash St, 2011 Audi A3')).toBe(
      'Battery replacement, Mon Dec 21 at 1:00 PM at 3 Ash St. Reply YES to book.',
    );
    expect(await phone.say('30 min earlier?')).toBe(
      'Battery replacement, Mon Dec 21 at 12:30 PM at 3 Ash St. Reply YES to book.',
    );
    await phone.say('yes');
    expect(await phone.say('can we make it an hour later?')).toBe(
      'Move your battery replacement from Mon Dec 21 at 12:30 PM to Mon Dec 21 at 1:30 PM? Reply YES to confirm.',
    );
  });

  it('books another visit "the same day" as the one just booked', async () => {
    const phone = newPhone();
    await phone.say('oil change mon dec 7 at 9am, 50 Cedar St, 2017 Honda Civic');
    await phone.say('yes');
    expect(await phone.say('can I also book a tire rotation for my other car the same day at 11?')).toBe(
      'Tire rotation, Mon Dec 7 at 11:00 AM at 50 Cedar St. Reply YES to book.',
    );
  });

  it('books two services asked for together, the second right after the first', async () => {
    const phone = newPhone();
    expect(await phone.say('need an oil change and a tire rotation wed jan 6 at 9am, 5 Oak Ave, 2015 Mazda 3')).toMatch(
      /^(Oil change|Tire rotation), Wed Jan 6 at 9:00 AM at 5 Oak Ave\. Reply YES to book\.$/,
    );
    const second = await phone.say('yes');
    expect(second).toMatch(
      /^Booked: .*Wed Jan 6 at 9:00 AM\. Ref [A-Z0-9]+\. Text us to change it\. (Oil change|Tire rotation), Wed Jan 6 at 10:(00|15) AM at 5 Oak Ave\. Reply YES to book\.$/,
    );
    await phone.say('yes');
    const booked = await appointmentsOf(phone);
    expect(booked.map((a: { service: string }) => a.service).sort()).toEqual(['oil-change', 'tire-rotation']);
    expect(booked.map((a: { address: string }) => a.address)).toEqual(['5 Oak Ave', '5 Oak Ave']);
  });

  it('offers the earliest times to "whenever works", and keeps the booking through a "no, …?" question', async () => {
    const phone = newPhone();
    expect(await phone.say('I need brakes')).toMatch(/^When would you like your brake pads\?/);
    expect(await phone.say('no idea, whenever works')).toMatch(/^Here is what we have\. Free: 1\) Mon Nov 23 /);
    expect(await phone.say('1, 9 Pine St')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('no, can I bring it to you instead?')).not.toBe('No problem. Text us any time.');
  });

  it('leads a "Want to book one?" yes into booking', async () => {
    const phone = newPhone();
    expect(await phone.say('when is my appointment?')).toBe(
      "You have no upcoming visits with Edgar's Mobile Auto Shop. Want to book one?",
    );
    expect(await phone.say('yes')).toMatch(/^What can Edgar's Mobile Auto Shop do for you\? /);
    expect(await phone.say('make it tire rotation tomorrow at 3pm')).toMatch(/^What address should we come to\?$/);
  });

  it('takes a change of plan asked instead of the detail requested, and never stores it as that detail', async () => {
    const phone = newPhone();
    expect(await phone.say('oil change thursday dec 17 at 1pm')).toBe('What address should we come to?');
    expect(await phone.say('actually make it a diagnostic instead')).toBe('What address should we come to?');
    expect(await phone.say('do you come to Pasadena?')).toBe(
      'Sorry, I didn\'t get that. You can write e.g. "oil change tomorrow at 3pm".',
    );
    expect(await phone.say('actually 3pm would be better')).toBe('What address should we come to?');
    expect(await phone.say('9 Vine St')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('2017 Ford Escape')).toBe(
      'Diagnostics, Thu Dec 17 at 3:00 PM at 9 Vine St. Reply YES to book.',
    );
    expect(await phone.say('can we do friday instead?')).toMatch(
      /^Here is what we have\. Free: 1\) Fri Dec 18 8:00 AM /,
    );
  });

  it('lets the booking go on "forget it" or "never mind", storing nothing', async () => {
    const phone = newPhone();
    expect(await phone.say('oil change tue dec 1 at 10am')).toBe('What address should we come to?');
    expect(await phone.say('forget it')).toBe('No problem. Text us any time.');
    expect(await phone.say('brakes')).toBe('When would you like your brake pads? E.g. "tomorrow at 3pm".');
    expect(await phone.say('never mind')).toBe('No problem. Text us any time.');
    const [row] = await app().runtime.db.query(
      `SELECT v.state FROM conversation v JOIN customer c ON c.id = v.customer_id WHERE c.phone = $1`,
      [phone.from],
    );
    expect(row.state).toMatchObject({ intent: null, asked: null, intake: {} });
    expect(await appointmentsOf(phone)).toEqual([]);
  });

  it('keeps an English customer in English when the street has a Spanish name', async () => {
    const phone = newPhone();
    expect(await phone.say('I need an oil change on dec 14 at 10am')).toBe('What address should we come to?');
    expect(await phone.say('2200 Paseo de la Playa')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('2011 Honda Fit')).toBe(
      'Oil change, Mon Dec 14 at 10:00 AM at 2200 Paseo de la Playa. Reply YES to book.',
    );
    const [customer] = await app().runtime.db.query('SELECT locale FROM customer WHERE phone = $1', [phone.from]);
    expect(customer.locale).toBe('en');
  });
});
