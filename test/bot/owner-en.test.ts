import { Queue } from 'bullmq';
import { jobIds, QUEUES } from '../../workers/queues';
import { Phone } from '../helpers/app';
import { bookByText, ownerApp, REF, waitUntil } from './owner-app';

/**
 * The owner runs the day by SMS, in English, through the signed webhook: each command's reply, the
 * rows it changed (status, block, audit log) and what the customer was told through the fake
 * Twilio. Monday 23 November 2026, 9:00 in Los Angeles; every test has a business of its own.
 */
const NOW = '2026-11-23T09:00:00-08:00';
const { app, shop, appointment, appointments, audit, sentTo, twilio, received } = ownerApp({
  now: NOW,
  phonePrefix: '+1555320',
});

/** A mobile mechanic like Edgar: one man, drives to the customer, half an hour between visits. */
const mobile = () =>
  shop((f) => {
    f.name = 'Mobile Shop';
    f.settings = { ...f.settings, bufferMinutes: 30, intakeFields: ['name', 'address', 'vehicle'] };
  });

describe('the day by text', () => {
  it('lists a day in order with addresses and the free time left; an empty day says nothing is booked', async () => {
    const s = await mobile();
    const late = await bookByText(s.customer(), ['oil change tomorrow at 3pm', 'Ana Ruiz', '12 Oak St', 'Honda Civic']);
    const early = await bookByText(s.customer(), ['diagnostics tomorrow at 9am', 'Bo Lee', '40 Pine St', 'Ford F-150']);
    expect(await s.owner.say('tomorrow')).toBe(
      [
        'Tue Nov 24:',
        `9:00 AM ${early} Diagnostics, Bo Lee, 40 Pine St (booked)`,
        `3:00 PM ${late} Oil change, Ana Ruiz, 12 Oak St (booked)`,
        'Free: 8:00 AM-9:00 AM, 10:30 AM-3:00 PM, 4:15 PM-5:00 PM',
      ].join('\n'),
    );
    expect(await s.owner.say('  TODAY   pls')).toBe('Mon Nov 23: nothing booked.\nFree: 9:00 AM-5:00 PM');
    expect(await s.owner.say('dec 18')).toBe('Fri Dec 18: nothing booked.\nFree: 8:00 AM-5:00 PM');
    expect(await s.owner.say('18/12')).toBe('Fri Dec 18: nothing booked.\nFree: 8:00 AM-5:00 PM');
    expect(await s.owner.say('tue')).toBe(await s.owner.say('tomorrow'));
  });

  it('gives the next visit with what it takes to get there', async () => {
    const s = await mobile();
    const phone = s.customer();
    const ref = await bookByText(phone, ['oil change tomorrow at 10am', 'Ana Ruiz', '12 Oak St', '2015 Honda Civic']);
    expect(await s.owner.say('next')).toBe(
      `Next: Tue Nov 24 at 10:00 AM, Oil change (${ref}), booked.\nAna Ruiz ${phone.from}\nAddress: 12 Oak St\nVehicle: 2015 Honda Civic`,
    );
    const other = await shop();
    expect(await other.owner.say('next')).toBe('Nothing booked ahead.');
  });
});

describe('approving requests', () => {
  const approving = () =>
    shop((f) => {
      f.name = 'Careful Shop';
      f.settings = { ...f.settings, requiresApproval: true };
    });

  it('asks the owner, confirms on "ok REF" and tells the customer', async () => {
    const s = await approving();
    const phone = s.customer();
    expect(await phone.say('oil change tomorrow at 10am')).toBe('What name should I put it under?');
    await phone.say('Ana Ruiz');
    const asked = await phone.say('yes');
    const ref = REF.exec(asked)![1];
    expect(asked).toBe(
      `Thanks! Careful Shop will confirm your Oil change on Tue Nov 24 at 10:00 AM shortly. Ref ${ref}.`,
    );
    const [notice] = await sentTo(s.owner.from, s.number);
    expect(notice.form).toMatchObject({
      From: s.number,
      Body: `Request: Oil change Tue Nov 24 at 10:00 AM for Ana Ruiz. Reply "ok ${ref}" or "no ${ref}".`,
    });
    expect(await s.owner.say('tomorrow')).toBe(
      `Tue Nov 24:\n! 10:00 AM ${ref} Oil change, Ana Ruiz (needs your ok: ok ${ref} / no ${ref})\nFree: 8:00 AM-10:00 AM, 10:45 AM-5:00 PM`,
    );

    expect(await s.owner.say(`ok ${ref.toLowerCase()}`)).toBe(
      `Approved ${ref}: Oil change Tue Nov 24 at 10:00 AM for Ana Ruiz. They will be told.`,
    );
    const [row] = await appointments(s.catalog.business.id);
    expect(row.status).toBe('booked');
    expect(await audit(row.id)).toEqual([
      {
        actor: `owner:${s.owner.from}`,
        action: 'status:booked',
        details: expect.objectContaining({
          before: expect.objectContaining({ status: 'pending_approval', version: 1 }),
          after: expect.objectContaining({ status: 'booked', version: 2 }),
        }),
      },
    ]);
    const [told] = await sentTo(phone.from, s.number);
    expect(told.form).toMatchObject({
      From: s.number,
      Body: `Confirmed: your Oil change with Careful Shop, Tue Nov 24 at 10:00 AM. Ref ${ref}.`,
    });
    expect(await s.owner.say(`ok ${ref}`)).toBe(`${ref} is already booked: nothing to approve.`);
  });

  it('declines on "no REF", frees the time and tells the customer', async () => {
    const s = await approving();
    const phone = s.customer();
    const ref = await bookByText(phone, ['oil change tomorrow at 11am', 'Bo Lee']);
    await sentTo(s.owner.from, s.number);
    expect(await s.owner.say(`no ${ref}`)).toBe(
      `Declined ${ref}: Oil change Tue Nov 24 at 11:00 AM for Bo Lee. The time is free again; they will be told.`,
    );
    const [row] = await appointments(s.catalog.business.id);
    expect(row.status).toBe('cancelled');
    const [told] = await sentTo(phone.from, s.number);
    expect(told.form.Body).toBe(
      "Sorry, Careful Shop can't take your Oil change on Tue Nov 24 at 11:00 AM. Text us another time that suits you.",
    );
    const next = s.customer();
    await next.say('oil change tomorrow at 11am');
    expect(await next.say('Cy Moss')).toBe('Oil change, Tue Nov 24 at 11:00 AM. Reply YES to book.');
  });
});

describe('status changes', () => {
  it('starts, finishes and marks no-shows, each in the audit log, and says why an illegal one is refused', async () => {
    const s = await shop();
    const a = await s.visit('2026-11-23T10:00', { name: 'Ana Ruiz' });
    const b = await s.visit('2026-11-23T11:00', { name: 'Bo Lee' });
    expect(await s.owner.say(`start ${a.reference}`)).toBe(
      `Started: ${a.reference} Oil change, Ana Ruiz. Reply "done ${a.reference}" when finished.`,
    );
    expect(await s.owner.say(`noshow ${a.reference}`)).toBe(
      `${a.reference} is under way: "done ${a.reference}" when finished.`,
    );
    expect(await s.owner.say(`dnoe ${a.reference} pls`)).toBe(`Done: ${a.reference} Oil change, Ana Ruiz.`);
    expect(await s.owner.say(`done ${a.reference}`)).toBe(`${a.reference} was marked done today at 9:00 AM.`);
    expect(await s.owner.say(`No-Show ${b.reference}`)).toBe(
      `No-show: ${b.reference} Oil change Mon Nov 23 at 11:00 AM, Bo Lee.`,
    );
    expect((await appointment(a.id)).status).toBe('completed');
    expect((await appointment(b.id)).status).toBe('no_show');
    expect(
      (await audit(a.id)).map((e) => [e.actor, e.action, e.details.before?.status, e.details.after?.status]),
    ).toEqual([
      [`owner:${s.owner.from}`, 'status:in_progress', 'booked', 'in_progress'],
      [`owner:${s.owner.from}`, 'status:completed', 'in_progress', 'completed'],
    ]);
  });

  it('will not finish, start or mark missed a visit on a later day: the code is most likely wrong', async () => {
    const s = await shop((f) => (f.name = 'Later Shop'));
    const later = await s.visit('2026-11-24T09:00', { name: 'Cy Moss' });
    for (const command of ['done', 'noshow', 'start'])
      expect(await s.owner.say(`${command} ${later.reference}`)).toBe(
        `${later.reference} is Oil change on Tue Nov 24 at 9:00 AM, not yet: nothing changed. Check the code.`,
      );
    expect((await appointment(later.id)).status).toBe('booked');
  });

  it('cancels with a reason: the customer hears it with an offer to book again, and the reminders are gone', async () => {
    const s = await shop((f) => (f.name = 'Reason Shop'));
    const phone = s.customer();
    const ref = await bookByText(phone, ['oil change tomorrow at 3pm', 'Ana Ruiz']);
    const [row] = await appointments(s.catalog.business.id);
    const reminders = new Queue(QUEUES.reminders, {
      connection: { url: app().config.redisUrl },
      prefix: app().config.redisPrefix,
    });
    try {
      const reminder = jobIds.reminder(row.id, 1440, 1);
      await waitUntil(async () => Boolean(await reminders.getJob(reminder)));
      expect(await s.owner.say(`cancel ${ref} no parts, sorry`)).toBe(
        `Cancelled ${ref}: Oil change Tue Nov 24 at 3:00 PM for Ana Ruiz. They will be told why ("no parts, sorry").`,
      );
      expect(await appointment(row.id)).toMatchObject({ status: 'cancelled', cancel_reason: 'no parts, sorry' });
      const [told] = await sentTo(phone.from, s.number);
      expect(told.form).toMatchObject({
        From: s.number,
        Body: 'Reason Shop cancelled your Oil change on Tue Nov 24 at 3:00 PM (no parts, sorry). Text us to book another time.',
      });
      await waitUntil(async () => !(await reminders.getJob(reminder)));
    } finally {
      await reminders.close();
    }
    // A day later the owner is told when it happened.
    app().clock.set('2026-11-24T09:00:00-08:00');
    expect(await s.owner.say(`done ${ref}`)).toBe(`${ref} was cancelled yesterday: nothing to do.`);
  });
});

describe('moving a visit', () => {
  it('moves it and tells the customer; a taken time gets numbered alternatives, answered with a number', async () => {
    const s = await shop((f) => (f.name = 'Move Shop'));
    const phone = s.customer();
    const ref = await bookByText(phone, ['oil change tomorrow at 3pm', 'Ana Ruiz']);
    const [row] = await appointments(s.catalog.business.id);
    expect(await s.owner.say(`move ${ref} wed 10am`)).toBe(
      `Moved ${ref}: Oil change now Wed Nov 25 at 10:00 AM (Ana Ruiz). They will be told.`,
    );
    const [told] = await sentTo(phone.from, s.number);
    expect(told.form.Body).toBe(`Move Shop moved your Oil change to Wed Nov 25 at 10:00 AM. Ref ${ref}.`);
    expect((await audit(row.id)).map((e) => e.action)).toEqual(['reschedule']);

    await s.visit('2026-11-25T13:00');
    expect(await s.owner.say(`move ${ref} wed 1pm`)).toBe(
      `${ref}: That time is taken. Free: 1) Wed Nov 25 12:00 PM 2) Wed Nov 25 12:15 PM 3) Wed Nov 25 1:45 PM. Reply 1-3.`,
    );
    expect(await s.owner.say('3')).toBe(
      `Moved ${ref}: Oil change now Wed Nov 25 at 1:45 PM (Ana Ruiz). They will be told.`,
    );
    expect((await appointment(row.id)).starts_at).toEqual(s.local('2026-11-25T13:45'));
    expect(await s.owner.say('1')).toBe(await s.owner.say('help'));
  });

  it('says a stale answer is stale when the visit changed meanwhile, and changes nothing', async () => {
    const s = await shop();
    const visit = await s.visit('2026-11-24T10:00', { name: 'Ana Ruiz' });
    await s.visit('2026-11-24T15:00');
    expect(await s.owner.say(`move ${visit.reference} tomorrow 3pm`)).toMatch(/Free: 1\) Tue Nov 24 2:00 PM/);
    // The customer confirms it from a reminder before the owner answers.
    await app().booking.appointments.changeStatus({
      businessId: s.catalog.business.id,
      appointmentId: visit.id,
      to: 'confirmed',
      actor: { kind: 'customer', customerId: visit.customerId! },
    });
    expect(await s.owner.say('1')).toBe(
      `${visit.reference} changed meanwhile (now Oil change Tue Nov 24 at 10:00 AM, confirmed); nothing was done. Send it again if it still applies.`,
    );
    expect(await appointment(visit.id)).toMatchObject({ starts_at: s.local('2026-11-24T10:00'), version: 2 });
  });
});

describe('blocking time', () => {
  it('blocks under the same rule as visits: a customer is then offered other times', async () => {
    const s = await shop();
    const reply = await s.owner.say('block tomorrow 1-3pm');
    const ref = /\(([A-Z0-9]{4,6})\)/.exec(reply)![1];
    expect(reply).toBe(`Blocked Tue Nov 24 1:00 PM-3:00 PM (${ref}). "unblock ${ref}" frees it.`);
    const [block] = await appointments(s.catalog.business.id);
    expect(block).toMatchObject({
      kind: 'block',
      status: 'booked',
      starts_at: s.local('2026-11-24T13:00'),
      ends_at: s.local('2026-11-24T15:00'),
    });
    expect(await audit(block.id)).toEqual([
      expect.objectContaining({ actor: `owner:${s.owner.from}`, action: 'block' }),
    ]);
    const phone = s.customer();
    expect(await phone.say('oil change tomorrow at 2pm')).toBe(
      'That time is taken. Free: 1) Tue Nov 24 3:00 PM 2) Tue Nov 24 3:15 PM 3) Tue Nov 24 3:30 PM. Reply 1-3 or another time.',
    );

    expect(await s.owner.say(`unblock ${ref}`)).toBe(`Unblocked Tue Nov 24 1:00 PM-3:00 PM (${ref}).`);
    expect((await appointment(block.id)).status).toBe('cancelled');
    expect((await audit(block.id)).map((e) => e.action)).toEqual(['block', 'status:cancelled']);
  });

  it('refuses a block over a visit and names the visit', async () => {
    const s = await shop();
    const visit = await s.visit('2026-11-24T09:00', { name: 'Ana Ruiz' });
    expect(await s.owner.say('block tomorrow 8-10am')).toBe(
      `Can't block Tue Nov 24 8:00 AM-10:00 AM: 9:00 AM ${visit.reference} Oil change, Ana Ruiz (booked). Move or cancel first.`,
    );
    expect((await appointments(s.catalog.business.id)).map((a) => a.kind)).toEqual(['visit']);
  });

  it('takes a day off, or the next two hours', async () => {
    const s = await shop();
    const off = await s.owner.say('off friday');
    const ref = /\(([A-Z0-9]{4,6})\)/.exec(off)![1];
    expect(off).toBe(`Blocked Fri Nov 27 (${ref}). "unblock ${ref}" frees it.`);
    expect(await s.owner.say('fri')).toBe(`Fri Nov 27:\nall day blocked (${ref})\nNo free time left.`);
    expect(await s.owner.say('block now 2h')).toMatch(/^Blocked Mon Nov 23 9:00 AM-11:00 AM \([A-Z0-9]{4,6}\)\./);
    expect(await s.owner.say('unblock fri')).toBe(`Unblocked Fri Nov 27 (${ref}).`);
    expect(await s.owner.say('unblock fri')).toBe('No block then. "today" lists the day.');
  });
});

describe('the numbers and the commands', () => {
  it('counts today and this week', async () => {
    const s = await shop();
    const done = await s.visit('2026-11-23T10:00');
    const missed = await s.visit('2026-11-23T11:00');
    await s.visit('2026-11-25T10:00', { service: 'diagnostics' });
    const cancelled = await s.visit('2026-11-26T10:00');
    await s.owner.say(`done ${done.reference}`);
    await s.owner.say(`noshow ${missed.reference}`);
    await s.owner.say(`cancel ${cancelled.reference}`);
    expect(await s.owner.say('stats')).toBe(
      'Today: 2 booked, 1 done, 1 no-show(s), ~$49. This week: 3 booked, 1 done, 1 no-show(s), ~$49.',
    );
  });

  it('answers help, and anything it cannot read, with the command list in two SMS segments at most', async () => {
    const s = await shop();
    const help = await s.owner.say('help');
    expect(help).toMatch(/^Commands: today, tomorrow/);
    expect(help.length).toBeLessThanOrEqual(306);
    expect(help).toMatch(/^[\x20-\x7e]*$/);
    expect(await s.owner.say('HELP')).toBe(help);
    expect(await s.owner.say('what can you do?')).toBe(help);
  });
});

describe('talking to a customer through the bot', () => {
  const relays = () => app().runtime.db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'message.send'`);

  it("relays both ways from the business number, never the owner's, for 24 hours", async () => {
    const s = await shop((f) => (f.name = 'Relay Shop'));
    const phone = s.customer();
    const ref = await bookByText(phone, ['oil change tomorrow at 3pm', 'Ana Ruiz']);
    expect(await s.owner.say(`@${ref} running 15 min late`)).toBe(
      `Sent to Ana Ruiz (${ref}). Their replies come to you for 24 hours.`,
    );
    const [relayed] = await sentTo(phone.from, s.number);
    expect(relayed.form.Body).toBe('Relay Shop: running 15 min late');
    const [row] = await appointments(s.catalog.business.id);
    expect((await audit(row.id)).map((e) => [e.actor, e.action])).toEqual([[`owner:${s.owner.from}`, 'relay']]);

    // The customer's answer goes to the owner, with the code; the bot leaves small talk to them.
    const answer = await phone.send('no worries, take your time');
    expect(answer.text).toBeNull();
    const back = await received(s.owner.from, `${ref} Ana Ruiz: no worries, take your time`);
    expect(back.form.From).toBe(s.number);
    // What the bot can act on, it still answers.
    expect(await phone.say('when is my appointment?')).toBe(`Your visits: Tue Nov 24 at 3:00 PM Oil change (${ref}).`);
    await received(s.owner.from, `${ref} Ana Ruiz: when is my appointment?`);

    // A day later the way back is closed.
    app().clock.set('2026-11-24T09:30:00-08:00');
    const [before] = await relays();
    await phone.send('are you still coming?');
    expect(await relays()).toEqual([before]);
    // Everything the customer received came from the business's number.
    expect(
      twilio()
        .to(phone.from)
        .map((r) => r.form.From),
    ).toEqual([s.number]);
  });

  it('sends the replies to whichever owner phone wrote last, and refuses a customer who opted out', async () => {
    const s = await shop((f) => (f.ownerPhones = ['+15550107771', '+15550107772']));
    const [first, second] = s.catalog.business.ownerPhones.map((p) => new Phone(app(), p, s.number));
    const phone = s.customer();
    const ref = await bookByText(phone, ['oil change tomorrow at 3pm', 'Ana Ruiz']);
    await first.say(`@${ref} on my way`);
    await second.say(`@${ref} Edgar is running late, this is his partner`);
    await sentTo(phone.from, s.number, 2);
    await phone.send('thanks for letting me know');
    const back = `${ref} Ana Ruiz: thanks for letting me know`;
    await twilio().waitFor(() =>
      twilio()
        .to(second.from)
        .some((r) => r.form.Body === back),
    );
    expect(
      twilio()
        .to(first.from)
        .filter((r) => r.form.Body.includes('thanks')),
    ).toEqual([]);

    await phone.say('STOP');
    const [before] = await relays();
    expect(await first.say(`@${ref} are you there?`)).toBe(
      `Ana Ruiz (${ref}) has opted out of texts; call ${phone.from}.`,
    );
    expect(await relays()).toEqual([before]);
  });
});

describe('bad input', () => {
  it('finds codes without case, corrects a look-alike, suggests a near miss and never finds another business', async () => {
    const s = await shop();
    const visit = await s.visit('2026-11-23T10:00', { name: 'Ana Ruiz' });
    await app().runtime.db.query(`UPDATE appointment SET reference = 'KX7M' WHERE id = $1`, [visit.id]);
    expect(await s.owner.say('start KX7N')).toBe('No visit KX7N. Did you mean KX7M?');
    expect(await s.owner.say('start XXXX')).toBe('No visit XXXX here. "today" lists the day.');
    // A code made only of look-alikes could be "corrected" into any code: it is not.
    expect(await s.owner.say('start OOOO')).toBe('No visit OOOO here. "today" lists the day.');
    expect((await appointment(visit.id)).status).toBe('booked');
    // 1 is not in the alphabet: the 7 it looks like is the only code it can be.
    expect(await s.owner.say('start kx1m')).toBe(
      'Started: KX7M Oil change, Ana Ruiz. Reply "done KX7M" when finished.',
    );

    const other = await shop();
    const theirs = await other.visit('2026-11-24T11:00');
    expect(await s.owner.say(`cancel ${theirs.reference}`)).toBe(
      `No visit ${theirs.reference} here. "today" lists the day.`,
    );
    expect((await appointment(theirs.id)).status).toBe('booked');
  });

  it('refuses a date that does not exist, and a command without its code, changing nothing', async () => {
    const s = await shop();
    const visit = await s.visit('2026-11-24T10:00');
    expect(await s.owner.say(`move ${visit.reference} feb 30`)).toBe(
      'I can\'t read "feb 30" as a day or time. E.g. "fri", "dec 18", "18/12", "3pm".',
    );
    expect(await s.owner.say('done')).toBe('Which visit? E.g. "done K7WM".');
    expect(await appointment(visit.id)).toMatchObject({ starts_at: s.local('2026-11-24T10:00'), version: 1 });
  });

  it("treats an owner phone texting another business as that business's customer", async () => {
    const mine = await shop();
    const theirs = await shop((f) => (f.ownerPhones = ['+15550108888']));
    const me = new Phone(app(), mine.owner.from, theirs.number);
    expect(await me.say('oil change tomorrow at 10am')).toBe('What name should I put it under?');
    await me.say('Edgar');
    const booked = await me.say('yes');
    expect(booked).toMatch(/^Booked: Oil change with Test Shop, Tue Nov 24 at 10:00 AM\. Ref /);
    const [notice] = await sentTo('+15550108888', theirs.number);
    expect(notice.form.Body).toContain(`for Edgar. Reply "cancel ${REF.exec(booked)![1]}"`);
  });
});
