import { seedBusiness } from '../../booking/businesses/seed';
import { Phone } from '../helpers/app';
import { testBusinessFile } from '../helpers/business';
import { EDGAR, edgarConversations, local, REF } from './edgar';

/** Edgar's Mobile Auto Shop over SMS, in English: booking, managing visits, questions, time. */
const { app, newPhone, appointmentsOf, bookDirectly } = edgarConversations('+1555300');

describe('booking by text', () => {
  it('books in one message, says the exact slot back, and books on YES', async () => {
    const phone = newPhone();
    expect(await phone.say('Oil change tomorrow at 3pm at 12 Oak St, 2015 Honda Civic')).toBe(
      'Oil change, Tue Nov 24 at 3:00 PM at 12 Oak St. Reply YES to book.',
    );
    const booked = await phone.say('YES');
    expect(booked).toMatch(
      /^Booked: Oil change with Edgar's Mobile Auto Shop, Tue Nov 24 at 3:00 PM\. Ref [A-Z0-9]{4}\. Text us to change it\.$/,
    );
    const [a] = await appointmentsOf(phone);
    expect(a).toMatchObject({
      reference: REF.exec(booked)![1],
      status: 'booked',
      address: '12 Oak St',
      notes: '2015 Honda Civic',
      service: 'oil-change',
    });
    expect(a.starts_at.toISOString()).toBe('2026-11-24T23:00:00.000Z');
    const [customer] = await app().runtime.db.query('SELECT details, locale FROM customer WHERE phone = $1', [
      phone.from,
    ]);
    expect(customer).toEqual({ details: { address: '12 Oak St', vehicle: '2015 Honda Civic' }, locale: 'en' });
  });

  it('books across several messages, asking one thing at a time', async () => {
    const phone = newPhone();
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
      /^Booked: Tire rotation with Edgar's Mobile Auto Shop, Thu Nov 26 at 12:15 PM\. Ref /,
    );
    const [a] = await appointmentsOf(phone);
    expect([local(a.starts_at), a.address, a.notes, a.service]).toEqual([
      'Thu 2026-11-26 12:15 -08:00',
      '88 Elm St',
      '2019 Ford F-150',
      'tire-rotation',
    ]);
  });

  it('asks again when a question for a detail gets a bare yes', async () => {
    const phone = newPhone();
    expect(await phone.say('battery replacement tomorrow at 11am')).toBe('What address should we come to?');
    expect(await phone.say('yes')).toBe('What address should we come to?');
    expect(await phone.say('40 Pine St')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('2012 Toyota Camry')).toBe(
      'Battery replacement, Tue Nov 24 at 11:00 AM at 40 Pine St. Reply YES to book.',
    );
    const [customer] = await app().runtime.db.query('SELECT details FROM customer WHERE phone = $1', [phone.from]);
    expect(customer.details).toEqual({});
  });

  it('takes "no" for an answer to "anything we should know?" and books without notes', async () => {
    const file = testBusinessFile((f) => (f.settings.intakeFields = ['notes']));
    await seedBusiness(app().runtime.db, file, { production: false, env: {} });
    const phone = new Phone(app(), newPhone().from, file.channels[0].address);
    expect(await phone.say('diagnostics tomorrow at 10am')).toBe('Anything we should know before the visit?');
    expect(await phone.say('no')).toMatch(/^Diagnostics, Tue Nov 24 at 10:00 AM\. Reply YES to book\.$/);
    expect(await phone.say('yes')).toMatch(/^Booked: Diagnostics with Test Shop/);
    const [a] = await appointmentsOf(phone);
    expect([a.service, a.notes]).toEqual(['diagnostics', null]);
  });

  it('offers the nearest free times when the asked one is taken, and books the second', async () => {
    await bookDirectly('2026-11-25T10:00');
    const phone = newPhone();
    const offer = await phone.say('can you do diagnostics wednesday at 10am? 9 Birch Rd, 2010 Subaru Outback');
    expect(offer).toBe(
      'That time is taken. Free: 1) Wed Nov 25 8:30 AM 2) Wed Nov 25 11:15 AM 3) Wed Nov 25 11:30 AM. Reply 1-3 or another time.',
    );
    expect(await phone.say('2')).toBe('Diagnostics, Wed Nov 25 at 11:15 AM at 9 Birch Rd. Reply YES to book.');
    expect(await phone.say('yes')).toMatch(/^Booked: Diagnostics .*Wed Nov 25 at 11:15 AM/);
    const [a] = await appointmentsOf(phone);
    expect(local(a.starts_at)).toBe('Wed 2026-11-25 11:15 -08:00');
  });

  it('offers the other free times inside a window asked for when its start is taken', async () => {
    await bookDirectly('2026-12-30T09:00');
    const phone = newPhone();
    expect(await phone.say('oil change wednesday dec 30 9-11, 3 Oak St, 2015 Honda Civic')).toBe(
      'Here is what we have. Free: 1) Wed Dec 30 10:15 AM 2) Wed Dec 30 10:30 AM 3) Wed Dec 30 10:45 AM. Reply 1-3 or another time.',
    );
  });

  it('lets only one of two customers have a slot both accepted at once, and offers the other the next ones', async () => {
    const [ana, bo] = [newPhone(), newPhone()];
    for (const phone of [ana, bo]) {
      expect(await phone.say('battery replacement friday at 1pm, 5 Oak Ct, 2008 Mazda 3')).toBe(
        'Battery replacement, Fri Nov 27 at 1:00 PM at 5 Oak Ct. Reply YES to book.',
      );
    }
    const replies = await Promise.all([ana.say('yes'), bo.say('yes')]);
    const won = replies.filter((r) => r.startsWith('Booked: Battery replacement'));
    const lost = replies.filter((r) => r.startsWith('Sorry, that time was just taken. Free: 1) Fri Nov 27'));
    expect([won.length, lost.length]).toEqual([1, 1]);
    const [{ n }] = await app().runtime.db.query(
      `SELECT count(*)::int AS n FROM appointment WHERE starts_at = '2026-11-27T21:00:00Z' AND status = 'booked'`,
    );
    expect(n).toBe(1);
  });
});

describe('managing a booking', () => {
  it('lists, moves and cancels a visit, confirming each change first', async () => {
    const phone = newPhone();
    await phone.say('oil change on Saturday at 9am, 1 Main St, 2020 Kia Soul');
    const booked = await phone.say('yes');
    const ref = REF.exec(booked)![1];
    expect(await phone.say('when is my appointment?')).toBe(`Your visits: Sat Nov 28 at 9:00 AM Oil change (${ref}).`);
    expect(await phone.say('is it still on?')).toBe(`Your visits: Sat Nov 28 at 9:00 AM Oil change (${ref}).`);

    expect(await phone.say('can I move it to monday at 2pm?')).toBe(
      'Move your oil change from Sat Nov 28 at 9:00 AM to Mon Nov 30 at 2:00 PM? Reply YES to confirm.',
    );
    expect(await phone.say('yes')).toBe(`Done: your oil change is now Mon Nov 30 at 2:00 PM. Ref ${ref}.`);
    let [a] = await appointmentsOf(phone);
    expect([local(a.starts_at), a.reference, a.version, a.status]).toEqual([
      'Mon 2026-11-30 14:00 -08:00',
      ref,
      2,
      'booked',
    ]);

    expect(await phone.say('I need to cancel my appointment')).toBe(
      `Cancel your oil change on Mon Nov 30 at 2:00 PM (ref ${ref})? Reply YES to cancel it.`,
    );
    expect(await phone.say('no')).toBe('OK, your oil change on Mon Nov 30 at 2:00 PM stays as it is.');
    [a] = await appointmentsOf(phone);
    expect(a.status).toBe('booked');
    await phone.say('cancel my appointment please');
    expect(await phone.say('yes')).toBe(
      'Cancelled: oil change on Mon Nov 30 at 2:00 PM. Text us any time to book again.',
    );
    [a] = await appointmentsOf(phone);
    expect(a.status).toBe('cancelled');
    expect(await phone.say('when is my appointment?')).toBe(
      "You have no upcoming visits with Edgar's Mobile Auto Shop. Want to book one?",
    );
  });

  it('asks which visit when there are several', async () => {
    const phone = newPhone();
    await phone.say('oil change tuesday dec 1 at 9am, 2 Main St, 2001 VW Golf');
    await phone.say('yes');
    await phone.say('tire rotation wednesday dec 2 at 9am');
    await phone.say('yes');
    expect(await phone.say('cancel my appointment')).toMatch(
      /^Which one\? 1\) Tue Dec 1 at 9:00 AM Oil change \([A-Z0-9]+\) 2\) Wed Dec 2 at 9:00 AM Tire rotation \([A-Z0-9]+\)\. Reply with the number\.$/,
    );
    expect(await phone.say('2')).toMatch(/^Cancel your tire rotation on Wed Dec 2 at 9:00 AM/);
    await phone.say('yes');
    expect(
      (await appointmentsOf(phone)).map((a: { service: string; status: string }) => `${a.service}:${a.status}`),
    ).toEqual(['oil-change:booked', 'tire-rotation:cancelled']);
  });

  it("moves a visit to a time said alone on the visit's own day", async () => {
    const phone = newPhone();
    await phone.say('brakes monday dec 21 at 9am, 4 Gum St, 2012 Audi A4');
    await phone.say('yes');
    expect(await phone.say('can I move it to 2pm?')).toBe(
      'Move your brake pads from Mon Dec 21 at 9:00 AM to Mon Dec 21 at 2:00 PM? Reply YES to confirm.',
    );
    expect(await phone.say('no')).toBe('No problem. Tell me another time or day that suits you.');
    expect(await phone.say('3pm')).toBe(
      'Move your brake pads from Mon Dec 21 at 9:00 AM to Mon Dec 21 at 3:00 PM? Reply YES to confirm.',
    );
  });

  it('finds the visit a cancel describes, and asks again on a yes that names none', async () => {
    const phone = newPhone();
    await phone.say('oil change tuesday dec 22 at 9am, 2 Main St, 2001 VW Golf');
    await phone.say('yes');
    await phone.say('brake pads wednesday dec 23 at 9am');
    await phone.say('yes');
    expect(await phone.say('cancel my brake appointment')).toMatch(/^Cancel your brake pads on Wed Dec 23 at 9:00 AM/);
    expect(await phone.say('no')).toMatch(/stays as it is\.$/);
    const which = await phone.say('cancel my appointment');
    expect(which).toMatch(/^Which one\? /);
    expect(await phone.say('yes')).toBe(which);
    expect(await phone.say('the one on tuesday')).toMatch(/^Cancel your oil change on Tue Dec 22 at 9:00 AM/);
    expect((await appointmentsOf(phone)).map((a: { status: string }) => a.status)).toEqual(['booked', 'booked']);
  });

  it('takes the visit named by its service when asked which one', async () => {
    const phone = newPhone();
    await phone.say('oil change tuesday dec 15 at 10am, 2 Main St, 2001 VW Golf');
    await phone.say('yes');
    await phone.say('battery replacement wednesday dec 16 at 10am');
    await phone.say('yes');
    expect(await phone.say('cancel my appointment')).toMatch(/^Which one\? /);
    expect(await phone.say('the battery one')).toMatch(
      /^Cancel your battery replacement on Wed Dec 16 at 10:00 AM \(ref [A-Z0-9]+\)\? Reply YES to cancel it\.$/,
    );
    await phone.say('yes');
    expect(
      (await appointmentsOf(phone)).map((a: { service: string; status: string }) => `${a.service}:${a.status}`),
    ).toEqual(['oil-change:booked', 'battery:cancelled']);
  });
});

describe('questions', () => {
  it('answers prices, one service or the whole menu, and hours', async () => {
    const phone = newPhone();
    expect(await phone.say('what are your prices')).toBe(
      "Edgar's Mobile Auto Shop: Oil change $49, Brake pads $189, Battery replacement $129, Diagnostics $89, Tire rotation $35. What would you like to book?",
    );
    expect(await phone.say('how much is an oil change?')).toBe(
      'Oil change: $49, about 45 min. When would you like it?',
    );
    expect(await phone.say('what time do you open?')).toBe("Edgar's Mobile Auto Shop is open Mon–Sat 8:00 AM–5:00 PM.");
    expect(await phone.say('hello')).toBe(
      'Hi! This is Edgar\'s Mobile Auto Shop. I can book, move or cancel a visit. Try: "oil change tomorrow at 3pm"',
    );
    expect(await phone.say('thanks!')).toBe("You're welcome! Text us any time.");
    expect(await phone.say('asdf qwerty')).toBe(
      'Sorry, I didn\'t get that. You can write e.g. "oil change tomorrow at 3pm".',
    );
  });

  it('answers a price asked in the middle of a booking and carries on with it', async () => {
    const phone = newPhone();
    expect(await phone.say('oil change friday dec 18 at 10am')).toBe('What address should we come to?');
    expect(await phone.say('how much is it?')).toBe(
      'Oil change $49, Brake pads $189, Battery replacement $129, Diagnostics $89, Tire rotation $35. What address should we come to?',
    );
    expect(await phone.say('and how much for a tire rotation?')).toBe(
      'Tire rotation: $35, about 30 min. What address should we come to?',
    );
    expect(await phone.say('5 Oak Ave')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('2015 Mazda 3')).toBe('Oil change, Fri Dec 18 at 10:00 AM at 5 Oak Ave. Reply YES to book.');
  });

  it('asks whether a time without a service moves the visit or books another, and never moves it unasked', async () => {
    const phone = newPhone();
    await phone.say('battery replacement saturday dec 19 at 10am, 1 Fig St, 2008 Honda Fit');
    await phone.say('yes');
    expect(await phone.say('can I book another appointment for friday dec 18 at 10am?')).toBe(
      'Move your battery replacement from Sat Dec 19 at 10:00 AM to Fri Dec 18 at 10:00 AM? Reply YES, or tell me what else to book.',
    );
    expect(await phone.say('a tire rotation')).toBe(
      'Tire rotation, Fri Dec 18 at 10:00 AM at 1 Fig St. Reply YES to book.',
    );
    await phone.say('yes');
    expect(await phone.say('are we still on for saturday?')).toMatch(/^Your visits: /);
    expect(await phone.say('can you do 2pm instead?')).toMatch(/^What can Edgar's Mobile Auto Shop do for you\? /);
    expect((await appointmentsOf(phone)).map((a: { starts_at: Date }) => local(a.starts_at))).toEqual([
      'Sat 2026-12-19 10:00 -08:00',
      'Fri 2026-12-18 10:00 -08:00',
    ]);
  });

  it('offers to move the one visit to a time said alone, as the reminder invites, and asks what to book on no', async () => {
    const phone = newPhone();
    await phone.say('brakes tuesday jan 19 at 9am, 1 Fig St, 2008 Honda Fit');
    await phone.say('yes');
    expect(await phone.say('can you do 2pm instead?')).toBe(
      'Move your brake pads from Tue Jan 19 at 9:00 AM to Tue Jan 19 at 2:00 PM? Reply YES, or tell me what else to book.',
    );
    expect(await phone.say('yes')).toMatch(/^Done: your brake pads is now Tue Jan 19 at 2:00 PM\./);
    expect(await phone.say('wednesday jan 20 at 9am')).toMatch(
      /^Move your brake pads from Tue Jan 19 at 2:00 PM to Wed Jan 20 at 9:00 AM\? Reply YES, or tell me what else to book\.$/,
    );
    expect(await phone.say('no')).toMatch(/^What can Edgar's Mobile Auto Shop do for you\? /);
  });

  it('says when the business is closed and offers the nearest open times', async () => {
    const phone = newPhone();
    expect(await phone.say('oil change sunday at 10am')).toBe(
      "We're not open then. Free: 1) Mon Nov 30 8:00 AM 2) Mon Nov 30 8:15 AM 3) Mon Nov 30 8:30 AM. Reply 1-3 or another time.",
    );
  });
});

describe('time', () => {
  it('starts a half-finished dialog afresh after it sat idle, politely', async () => {
    const phone = newPhone();
    expect(await phone.say('I need an oil change')).toMatch(/^When would you like your oil change\?/);
    app().clock.advance(31 * 60_000);
    expect(await phone.say('2')).toBe(
      'Let\'s start over. Sorry, I didn\'t get that. You can write e.g. "oil change tomorrow at 3pm".',
    );
    const [row] = await app().runtime.db.query(
      `SELECT v.state FROM conversation v JOIN customer c ON c.id = v.customer_id WHERE c.phone = $1`,
      [phone.from],
    );
    expect(row.state).toMatchObject({ intent: null, asked: null, serviceKey: null });
  });

  it('checks a proposal again when its YES comes after the dialog sat idle, and books only on a fresh YES', async () => {
    const phone = newPhone();
    await phone.say('oil change monday nov 30 at 9am, 5 Bay St, 2013 Mini Cooper');
    await phone.say('yes');
    expect(await phone.say('battery replacement friday at 2pm')).toBe(
      'Battery replacement, Fri Nov 27 at 2:00 PM at 5 Bay St. Reply YES to book.',
    );
    app().clock.advance(45 * 60_000);
    const photo = await phone.send('', {
      NumMedia: '1',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM2/Media/ME2',
      MediaContentType0: 'image/jpeg',
    });
    expect(photo.text).toMatch(/^Thanks! I can only read text, though\./);
    expect(await phone.say('YES')).toBe(
      'That was a while ago, so I checked again: Battery replacement, Fri Nov 27 at 2:00 PM at 5 Bay St. Reply YES to book.',
    );
    expect(
      (await appointmentsOf(phone)).map((a: { service: string; status: string }) => `${a.service}:${a.status}`),
    ).toEqual(['oil-change:booked']);
    expect(await phone.say('yes')).toMatch(/^Booked: Battery replacement .*Fri Nov 27 at 2:00 PM/);
    expect(
      (await appointmentsOf(phone)).map((a: { service: string; status: string }) => `${a.service}:${a.status}`),
    ).toEqual(['oil-change:booked', 'battery:booked']);
  });

  it('checks a number picked after the dialog sat idle, and takes a late YES as the answer to a reminder sent since', async () => {
    const phone = newPhone();
    await phone.say('oil change monday dec 28 at 9am, 8 Ivy St, 2010 Kia Rio');
    await phone.say('yes');
    expect(await phone.say('tire rotation tuesday dec 29')).toMatch(
      /^Here is what we have\. Free: 1\) Tue Dec 29 8:00 AM /,
    );
    app().clock.advance(40 * 60_000);
    expect(await phone.say('2')).toMatch(
      /^That was a while ago, so I checked again: Tire rotation, Tue Dec 29 at .*\. Reply YES to book\.$/,
    );
    app().clock.advance(5 * 60 * 60_000);
    const [visit] = await appointmentsOf(phone);
    await app().runtime.db.query(
      `INSERT INTO message (business_id, customer_id, appointment_id, direction, channel, purpose, from_address, to_address, body, media, status, created_at)
       SELECT a.business_id, a.customer_id, a.id, 'outbound', 'sms', 'reminder', $2, $3, 'Reminder: Oil change…', '[]', 'sent', $4 FROM appointment a WHERE a.reference = $1`,
      [visit.reference, EDGAR, phone.from, app().clock.now()],
    );
    expect(await phone.say('YES')).toBe(`Thanks, see you Mon Dec 28 at 9:00 AM! Ref ${visit.reference}.`);
    expect(
      (await appointmentsOf(phone)).map((a: { service: string; status: string }) => `${a.service}:${a.status}`),
    ).toEqual(['oil-change:confirmed']);
  });

  it('reads a late "no" to a cancel as keeping the visit, and a late yes to several times as asking for them afresh', async () => {
    const phone = newPhone();
    await phone.say('diagnostics friday jan 8 at 9am, 2 Elm St, 2010 Kia Rio');
    await phone.say('yes');
    await phone.say('cancel my appointment');
    app().clock.advance(60 * 60_000);
    expect(await phone.say('no')).toBe('OK, your diagnostics on Fri Jan 8 at 9:00 AM stays as it is.');
    expect(await phone.say('tire rotation monday jan 11')).toMatch(/^Here is what we have\./);
    app().clock.advance(60 * 60_000);
    expect(await phone.say('yes')).toMatch(
      /^That was a while ago, so I checked again: Here is what we have\. Free: 1\) Mon Jan 11 /,
    );
    expect((await appointmentsOf(phone)).map((a: { status: string }) => a.status)).toEqual(['booked']);
  });

  it('says what is booked now when a late YES answers a move of a visit cancelled meanwhile', async () => {
    const phone = newPhone();
    await phone.say('brakes tuesday jan 12 at 9am, 2 Elm St, 2010 Kia Rio');
    await phone.say('yes');
    expect(await phone.say('can I move it to thu jan 14 at 2pm?')).toMatch(/^Move your brake pads /);
    await app().runtime.db.query(
      `UPDATE appointment a SET status = 'cancelled' FROM customer c WHERE c.id = a.customer_id AND c.phone = $1`,
      [phone.from],
    );
    app().clock.advance(60 * 60_000);
    expect(await phone.say('yes')).toBe("You don't have an upcoming visit to change. Want to book one?");
    expect(await newPhone().say('can I reschedule my oil change to fri jan 15 at 9am?')).toBe(
      "You have no visit booked with us, so let's book one. What address should we come to?",
    );
  });

  it('asks again about a cancel whose YES came after the dialog sat idle, and never confirms the visit instead', async () => {
    const phone = newPhone();
    await phone.say('diagnostics thursday dec 31 at 9am, 2 Elm St, 2010 Kia Rio');
    await phone.say('yes');
    const [{ reference }] = await appointmentsOf(phone);
    expect(await phone.say('cancel my appointment')).toMatch(/^Cancel your diagnostics on Thu Dec 31 at 9:00 AM/);
    app().clock.advance(60 * 60_000);
    expect(await phone.say('yes')).toBe(
      `That was a while ago, so I checked again: Cancel your diagnostics on Thu Dec 31 at 9:00 AM (ref ${reference})? Reply YES to cancel it.`,
    );
    expect((await appointmentsOf(phone)).map((a: { status: string }) => a.status)).toEqual(['booked']);
    expect(await phone.say('yes')).toMatch(/^Cancelled: diagnostics on Thu Dec 31/);
  });

  it('books the right instants in the week the clocks go back', async () => {
    app().clock.set('2026-10-29T12:00:00-07:00'); // Thursday, still on daylight time
    const phone = newPhone();
    expect(await phone.say('oil change saturday at 9am, 3 Fir St, 2011 Honda Fit')).toBe(
      'Oil change, Sat Oct 31 at 9:00 AM at 3 Fir St. Reply YES to book.',
    );
    await phone.say('yes');
    expect(await phone.say('tire rotation monday at 9am')).toBe(
      'Tire rotation, Mon Nov 2 at 9:00 AM at 3 Fir St. Reply YES to book.',
    );
    await phone.say('yes');
    const rows = await appointmentsOf(phone);
    expect(rows.map((a: { starts_at: Date }) => a.starts_at.toISOString())).toEqual([
      '2026-10-31T16:00:00.000Z',
      '2026-11-02T17:00:00.000Z',
    ]);
  });
});
