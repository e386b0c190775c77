import { METRICS_LOG_MESSAGE, MetricsReport } from '../../core/metrics-report';
import type { FakeTwilio } from '../helpers/fake-twilio';
import { AUTH_TOKEN, Phone, type TestApp } from '../helpers/app';
import { type AppWithWorkers, startAppWithWorkers } from '../helpers/app-with-workers';

/**
 * What an operator sees of a booking made by text: the log lines (every one of the webhook's and
 * of the jobs it caused carries its request id; none carries a phone, a message, a name, an
 * address or a secret) and `/metrics` behind its token. The app and the workers share one
 * process here, as in the one-box set-up.
 */
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
const OWNER = '+15550109999';
const CUSTOMER = '+15553217654';
const lines: string[] = [];
let box: AppWithWorkers;
let t: TestApp;
let fake: FakeTwilio;

beforeAll(async () => {
  box = await startAppWithWorkers('2026-11-23T09:00:00-08:00', {
    env: { LOG_LEVEL: 'debug', METRICS_TOKEN },
    logTo: { write: (line: string) => void lines.push(line) },
  });
  ({ t, twilio: fake } = box);
});
afterAll(() => box?.close());

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

async function bookByText(): Promise<string> {
  const phone = new Phone(t, CUSTOMER, '+15550100001');
  const offer = await phone.send('Oil change tomorrow at 3pm at 12 Oak St, 2015 Honda Civic, I am Ana Pérez');
  expect(offer.text).toMatch(/Reply YES to book/);
  const response = await phone.send('YES');
  expect(response.text).toMatch(/^Booked: Oil change/);
  await fake.waitFor(() => fake.requests.some((r) => r.form.To === OWNER));
  return response.requestId;
}

describe('logs', () => {
  let requestId: string;

  beforeAll(async () => {
    requestId = await bookByText();
  });

  it('carry the webhook request id into the jobs it caused, as far as the owner notice sent', async () => {
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const mine = () => logged().filter((l) => l.requestId === requestId);
    const jobsDone = () =>
      mine()
        .filter((l) => l.msg === 'job done')
        .map((l) => `${l.queue}/${l.job}`);
    await fake.waitFor(() => jobsDone().includes('outbound/send'));
    expect(mine().map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    expect(jobsDone()).toEqual(
      expect.arrayContaining(['reminders/plan-reminders', 'notices/owner-notice', 'outbound/send']),
    );
  });

  it('name no phone, no message text, no name or address, no secret', () => {
    const text = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const forbidden of [
      CUSTOMER,
      CUSTOMER.slice(1),
      OWNER,
      'Oak St',
      'Honda',
      'Pérez',
      'Booked: Oil change',
      AUTH_TOKEN,
      METRICS_TOKEN,
    ]) {
      expect({ forbidden, found: text.includes(forbidden) }).toEqual({ forbidden, found: false });
    }
  });

  it('mask a phone number inside a database error too', async () => {
    const [edgar] = await t.runtime.db.query(`SELECT id FROM business WHERE slug = 'edgar'`);
    const duplicate = await t.runtime.db
      .query('INSERT INTO customer (business_id, phone) VALUES ($1, $2)', [edgar.id, CUSTOMER])
      .catch((e: Error) => e);
    expect(String((duplicate as { detail?: string }).detail)).toContain(CUSTOMER);
    t.runtime.log.error({ err: duplicate }, `could not add ${CUSTOMER}`);
    const [line] = logged().slice(-1);
    expect(JSON.stringify(line)).not.toContain(CUSTOMER.slice(2));
    expect(line.msg).toBe('could not add +…54');
  });

  it('write the counts CloudWatch alarms on as one metrics line', async () => {
    await new MetricsReport(t.runtime.log).flush();
    const [line] = logged().filter((l) => l.msg === METRICS_LOG_MESSAGE);
    expect(line.metrics).toMatchObject({ turns: expect.any(Number), queueWaiting: expect.any(Number) });
    expect((line.metrics as Record<string, number>).turns).toBeGreaterThanOrEqual(2);
  });
});

describe('/metrics', () => {
  const scrape = (authorization?: string) =>
    fetch(`${t.baseUrl}/metrics`, { headers: authorization ? { authorization } : {} });

  it('answers only the holder of the token', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-metrics-token-at-all')).status).toBe(401);
    expect((await scrape(`Bearer ${METRICS_TOKEN}`)).status).toBe(200);
  });

  it('counts turns by channel and intent, sends by outcome, and the queues as they are', async () => {
    const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
    expect(text).toMatch(/^textbook_inbound_turns_total\{channel="sms",intent="Book"\} [1-9]/m);
    expect(text).toMatch(/^textbook_turn_duration_seconds_count\{channel="sms"\} [1-9]/m);
    expect(text).toMatch(/^textbook_outbound_messages_total\{status="sent",error_code=""\} [1-9]/m);
    expect(text).toMatch(/^textbook_queue_jobs\{queue="outbound",state="waiting"\} \d+/m);
    expect(text).toMatch(/^textbook_queue_oldest_waiting_seconds\{queue="reminders"\} \d/m);
    expect(text).toMatch(/^# TYPE textbook_lex_fallbacks_total counter/m);
    expect(text).toMatch(/^textbook_process_cpu_seconds_total/m);
  });

  it('counts a booking the exclusion constraint refused', async () => {
    const catalog = await t.booking.catalogs.bySlug('edgar');
    const [staff] = catalog.staff;
    const customers = await Promise.all(
      ['+15553330001', '+15553330002'].map(
        async (phone) =>
          (
            await t.runtime.db.query('INSERT INTO customer (business_id, phone) VALUES ($1, $2) RETURNING id', [
              catalog.business.id,
              phone,
            ])
          )[0].id as string,
      ),
    );
    const before = await conflicts();
    // Both pass the availability check, then meet in the database: one is refused by 23P01.
    const outcomes = await Promise.all(
      customers.map((customerId) =>
        t.booking.appointments.book({
          businessId: catalog.business.id,
          serviceId: catalog.services[0].id,
          staffId: staff.id,
          customerId,
          start: new Date('2026-11-25T18:00:00Z'),
          channel: 'sms',
          actor: { kind: 'customer', customerId },
        }),
      ),
    );
    expect(outcomes.map((o) => o.ok).sort()).toEqual([false, true]);
    expect(await conflicts()).toBe(before + 1);
  });

  async function conflicts(): Promise<number> {
    const text = await (await scrape(`Bearer ${METRICS_TOKEN}`)).text();
    return Number(/^textbook_booking_conflicts_total\{operation="book"\} (\d+)/m.exec(text)?.[1] ?? 0);
  }
});
