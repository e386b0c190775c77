import { edgarConversations, local, REF } from './edgar';

/**
 * What customers of Edgar's shop write that the bot used to misread: moves worded as bookings,
 * a visit moved "from A to B", service questions, and intake answers that are something else.
 */
const { newPhone, appointmentsOf } = edgarConversations('+1555310');

async function bookOilChangeThursday(phone: ReturnType<typeof newPhone>): Promise<string> {
  await phone.say('oil change thursday at 10am at 12 Oak St, 2015 Honda Civic');
  return REF.exec(await phone.say('yes'))![1];
}

describe('moving a visit', () => {
  it('moves a visit "from thursday to saturday" to saturday, never booking a second one', async () => {
    const phone = newPhone();
    const ref = await bookOilChangeThursday(phone);
    expect(await phone.say('something came up, can we move it from thursday to saturday at 10?')).toBe(
      'Move your oil change from Thu Nov 26 at 10:00 AM to Sat Nov 28 at 10:00 AM? Reply YES to confirm.',
    );
    expect(await phone.say('yes')).toBe(`Done: your oil change is now Sat Nov 28 at 10:00 AM. Ref ${ref}.`);
    const visits = await appointmentsOf(phone);
    expect(
      visits.map((a: { starts_at: Date; reference: string; status: string }) => [
        local(a.starts_at),
        a.reference,
        a.status,
      ]),
    ).toEqual([['Sat 2026-11-28 10:00 -08:00', ref, 'booked']]);
  });

  it('reads one time instead of another as a move', async () => {
    const phone = newPhone();
    await bookOilChangeThursday(phone);
    expect(await phone.say('could you come at 2pm instead of 10 on thursday')).toBe(
      'Move your oil change from Thu Nov 26 at 10:00 AM to Thu Nov 26 at 2:00 PM? Reply YES to confirm.',
    );
    expect(await appointmentsOf(phone)).toHaveLength(1);
  });
});

describe('questions about a service', () => {
  it('answers how long a service takes instead of booking it', async () => {
    const phone = newPhone();
    expect(await phone.say('how long does a brake job take?')).toBe(
      'Brake pads: $189, about 90 min. When would you like it?',
    );
    expect(await appointmentsOf(phone)).toEqual([]);
  });
});

describe('details that do not fit the question', () => {
  it('asks once more for a car, saying what is needed, then takes the reply as written', async () => {
    const phone = newPhone();
    expect(await phone.say('tire rotation friday at 9am at 40 Pine St')).toBe('What car is it (year, make, model)?');
    expect(await phone.say('Maria')).toBe('Which car is it? The year, make and model, like "2015 Honda Civic".');
    expect(await phone.say('the blue one')).toBe(
      'Tire rotation, Fri Nov 27 at 9:00 AM at 40 Pine St. Reply YES to book.',
    );
    await phone.say('yes');
    const [a] = await appointmentsOf(phone);
    expect(a.notes).toBe('the blue one');
  });

  it('takes "tomorrow" to "what address?" as the day, and asks for the address again', async () => {
    const phone = newPhone();
    expect(await phone.say('battery replacement wednesday at 2pm')).toBe('What address should we come to?');
    expect(await phone.say('tomorrow')).toBe(
      'Here is what we have. Free: 1) Tue Nov 24 8:00 AM 2) Tue Nov 24 12:15 PM 3) Tue Nov 24 4:30 PM. Reply 1-3 or another time.',
    );
    expect(await phone.say('2')).toBe('I still need the street address to come to, like "12 Oak St, Oakland".');
    expect(await phone.say('400 Broadway, Oakland')).toBe('What car is it (year, make, model)?');
  });

  it('keeps the city of an address given in the first message, as the owner will read it', async () => {
    const phone = newPhone();
    expect(await phone.say('Oil change wednesday at 10am, 455 Market St, San Francisco, 2018 Subaru Outback')).toBe(
      'Oil change, Wed Nov 25 at 10:00 AM at 455 Market St, San Francisco. Reply YES to book.',
    );
    await phone.say('yes');
    const [a] = await appointmentsOf(phone);
    expect([a.address, a.notes]).toEqual(['455 Market St, San Francisco', '2018 Subaru Outback']);
  });
});
