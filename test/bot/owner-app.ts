import { DateTime } from 'luxon';
import { seedBusiness } from '../../booking/businesses/seed';
import type { AppointmentRow } from '../../booking/db/entities/appointment';
import type { Catalog } from '../../booking/repositories/catalog';
import { findOrCreateCustomer } from '../../booking/repositories/customers';
import { type RunningWorkers, startWorkers } from '../../workers/start';
import { Phone, startTestApp, type TestApp } from '../helpers/app';
import { type BusinessFileDraft, testBusinessFile } from '../helpers/business';
import { FakeTwilio } from '../helpers/fake-twilio';
import { ACCOUNT_SID, AUTH_TOKEN, FAST } from '../workers/support/harness';

/** The demo owner phone; every test business has it unless a test says otherwise. */
export const OWNER = '+15550109999';
export const REF = /(?:Ref|Código) ([A-Z0-9]{4,6})\./;

export interface AppointmentRecord {
  id: string;
  reference: string;
  status: string;
  kind: string;
  staff_id: string;
  starts_at: Date;
  ends_at: Date;
  cancel_reason: string | null;
  version: number;
}

export interface AuditRecord {
  actor: string;
  action: string;
  details: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

export interface OwnedShop {
  catalog: Catalog;
  number: string;
  /** The owner's phone texting this business. */
  owner: Phone;
  /** A new customer's phone texting this business. */
  customer(): Phone;
  /** A visit booked directly (not by text), as the customer, at a local wall-clock time. */
  visit(local: string, options?: { name?: string; service?: string }): Promise<AppointmentRow & { phone: string }>;
  local(text: string): Date;
}

/**
 * The whole app over signed webhooks with the real workers behind it, sending to a fake Twilio:
 * what the owner reads inline and what the customer is then told can both be checked. Each test
 * takes a business of its own, so days never collide between tests.
 */
export function ownerApp(options: { now: string; phonePrefix: string }) {
  let t: TestApp | undefined;
  let fake: FakeTwilio | undefined;
  let workers: RunningWorkers | undefined;
  let phones = 0;
  beforeAll(async () => {
    fake = await FakeTwilio.start(ACCOUNT_SID, AUTH_TOKEN);
    t = await startTestApp({ now: options.now, env: { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_API_URL: fake.url } });
    workers = await startWorkers(t.runtime, FAST);
  });
  afterAll(async () => {
    await workers?.close();
    await t?.close();
    await fake?.close();
  });
  afterEach(() => t?.clock.set(options.now));
  const app = () => t ?? fail('the app starts in beforeAll');
  const twilio = () => fake ?? fail('the fake Twilio starts in beforeAll');
  const nextPhone = (prefix = options.phonePrefix) => `${prefix}${String(++phones).padStart(4, '0')}`;

  async function shop(change: (file: BusinessFileDraft) => void = () => {}): Promise<OwnedShop> {
    const file = testBusinessFile(change);
    const { businessId } = await seedBusiness(app().runtime.db, file, { production: false, env: {} });
    const catalog = await app().booking.catalogs.byId(businessId);
    const number = catalog.endpoints[0].address;
    const whatsapp = number.startsWith('whatsapp:');
    const as = (phone: string) => (whatsapp ? `whatsapp:${phone}` : phone);
    const local = (text: string) => DateTime.fromISO(text, { zone: catalog.business.timezone }).toJSDate();
    return {
      catalog,
      number,
      local,
      owner: new Phone(app(), as(catalog.business.ownerPhones[0] ?? OWNER), number),
      customer: () => new Phone(app(), as(nextPhone()), number),
      async visit(at, o = {}) {
        const phone = nextPhone();
        const customer = await findOrCreateCustomer(app().booking.sql, businessId, phone, { name: o.name ?? null });
        const service = catalog.services.find((s) => s.key === (o.service ?? 'oil-change'))!;
        const outcome = await app().booking.appointments.book({
          businessId,
          serviceId: service.id,
          customerId: customer.id,
          start: local(at),
          channel: 'sms',
          actor: { kind: 'customer', customerId: customer.id },
        });
        if (!outcome.ok) throw new Error(`could not book ${at}: ${outcome.reason}`);
        return { ...outcome.appointment, phone };
      },
    };
  }

  const COLUMNS = 'id, reference, status, kind, staff_id, starts_at, ends_at, cancel_reason, version';

  async function appointment(id: string): Promise<AppointmentRecord> {
    const [row] = await app().runtime.db.query(`SELECT ${COLUMNS} FROM appointment WHERE id = $1`, [id]);
    return row;
  }

  /** Every appointment of the business, in order. */
  async function appointments(businessId: string): Promise<AppointmentRecord[]> {
    return app().runtime.db.query(
      `SELECT ${COLUMNS} FROM appointment WHERE business_id = $1 ORDER BY starts_at, reference`,
      [businessId],
    );
  }

  async function audit(target: string): Promise<AuditRecord[]> {
    return app().runtime.db.query(`SELECT actor, action, details FROM audit_log WHERE target = $1 ORDER BY id`, [
      target,
    ]);
  }

  /** Waits for the fake Twilio to have `count` messages to `to` from `from`, and returns those. */
  async function sentTo(to: string, from: string, count = 1) {
    const sent = () =>
      twilio()
        .to(to)
        .filter((r) => r.form.From === from);
    await twilio().waitFor(() => sent().length >= count);
    return sent();
  }

  /** Waits for a message to `to` with this text, and returns it. */
  async function received(to: string, body: string) {
    await twilio().waitFor(() =>
      twilio()
        .to(to)
        .some((r) => r.form.Body === body),
    );
    return twilio()
      .to(to)
      .find((r) => r.form.Body === body)!;
  }

  return { app, twilio, shop, appointment, appointments, audit, sentTo, received };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Books by text as a customer would: the answers, then the confirming word; returns the code. */
export async function bookByText(
  phone: { say(text: string): Promise<string> },
  answers: string[],
  yes = 'YES',
): Promise<string> {
  let reply = '';
  for (const text of [...answers, yes]) reply = await phone.say(text);
  const ref = REF.exec(reply)?.[1];
  if (!ref) throw new Error(`not booked: ${reply}`);
  return ref;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
