import fc from 'fast-check';
import { AUTH_TOKEN, Phone, PUBLIC_BASE_URL, startTestApp, type TestApp } from '../helpers/app';
import { hostileRequest, isPlainText } from '../helpers/hostile-webhooks';

/**
 * The inbound webhook against arbitrary signed requests: hostile characters (controls, lone
 * surrogates, bytes that are not UTF-8, markup), repeated, missing, huge and empty fields, odd
 * field names, folded fixed fields, and bodies that are not forms. Whatever arrives, the answer
 * is never a 5xx, the app keeps answering customers, and what it stores is plain UTF-8 text.
 */
const EDGAR = '+15550100001';
const CLINIC = 'whatsapp:+56920000001';
const PATH = '/webhooks/twilio/messages';
const RUNS = 300;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T09:00:00-08:00' });
});
afterAll(() => t.close());

it(`answers ${RUNS} arbitrary signed requests without a 5xx, stays healthy, and stores only plain UTF-8`, async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      hostileRequest({
        signedUrl: `${PUBLIC_BASE_URL}${PATH}`,
        authToken: AUTH_TOKEN,
        sms: EDGAR,
        whatsapp: CLINIC,
        phonePrefix: '+1555140',
      }),
      async ({ headers, body }) => {
        const response = await fetch(`${t.baseUrl}${PATH}`, { method: 'POST', headers, body });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        return response.status < 500;
      },
    ),
    { numRuns: RUNS },
  );
  // The requests reached every stage: answered, refused by the schema, by the signature, by type.
  expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 403, 404, 415]));
  expect(statuses.get(200)).toBeGreaterThan(RUNS / 4);

  const stored: { body: string; media: unknown; name: string | null; details: unknown }[] = await t.runtime.db.query(
    `SELECT m.body, m.media, c.name, c.details FROM message m LEFT JOIN customer c ON c.id = m.customer_id`,
  );
  expect(stored.length).toBeGreaterThan(RUNS / 4);
  const notPlain = stored
    .flatMap((row) => [row.body, JSON.stringify(row.media), row.name ?? '', JSON.stringify(row.details)])
    .filter((value) => !isPlainText(value) || Buffer.from(value, 'utf8').toString('utf8') !== value);
  expect(notPlain).toEqual([]);

  const health = await fetch(`${t.baseUrl}/health`);
  expect(health.status).toBe(200);
  expect(await new Phone(t, '+15551499999', EDGAR).say('what are your hours?')).toMatch(/is open Mon–Sat/);
});
