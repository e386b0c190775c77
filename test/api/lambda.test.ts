import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { DEMO_ADMIN_PASSWORD, DEMO_BUSINESS_FILES, seedBusinessFile } from '../../booking/businesses/seed';
import { apiGatewayFormEvent } from '../helpers/api-gateway-event';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/** The Lambda entry point, driven with the API Gateway (HTTP API, payload 2.0) events it gets. */
const TOKEN = 'lambda-test-token-123';
const PUBLIC = 'https://abc123.execute-api.us-east-1.amazonaws.com';
let database: TestDatabase;
const saved = { ...process.env };

beforeAll(async () => {
  database = await createTestDatabase();
  for (const file of DEMO_BUSINESS_FILES) await seedBusinessFile(database.db, file, { production: false, env: {} });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    TWILIO_AUTH_TOKEN: TOKEN,
    PUBLIC_BASE_URL: PUBLIC,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: `test-lambda-${randomBytes(3).toString('hex')}`,
    // As infra/constructs/serverless-api.ts sets it.
    TRUST_PROXY: '1',
  });
});
afterAll(async () => {
  await (await import('../../api/lambda')).shutdown();
  await (await import('../../api/admin-lambda')).shutdown();
  process.env = saved;
  await database.drop();
});

const event = (path: string, form: Record<string, string>, signature: string) =>
  apiGatewayFormEvent({ publicUrl: PUBLIC, path, form, signature });

function hoursQuestion() {
  const form = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    From: '+15557770002',
    To: '+15550100001',
    Body: 'what are your hours?',
  };
  return event(
    '/webhooks/twilio/messages',
    form,
    twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}/webhooks/twilio/messages`, form),
  );
}

// First in the file: it needs the container's first (cold) start, which begins as the module loads.
it('recovers from a cold start during a database outage once the database is back', async () => {
  process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/textbook';
  const { handler } = await import('../../api/lambda');
  await expect(handler(hoursQuestion(), {} as never)).rejects.toThrow();
  process.env.DATABASE_URL = database.url;
  const answer = (await handler(hoursQuestion(), {} as never)) as { statusCode: number; body: string };
  expect(answer.statusCode).toBe(200);
  expect(answer.body).toContain("<Message>Edgar's Mobile Auto Shop is open");
});

it('answers a signed Twilio webhook with TwiML, and refuses an unsigned one', async () => {
  const { handler } = await import('../../api/lambda');
  const form = {
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    From: '+15557770001',
    To: '+15550100001',
    Body: 'what are your hours?',
  };
  const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}/webhooks/twilio/messages`, form);
  const ok = (await handler(event('/webhooks/twilio/messages', form, signature), {} as never)) as {
    statusCode: number;
    body: string;
    headers: Record<string, string>;
  };
  expect(ok.statusCode).toBe(200);
  expect(ok.headers['content-type']).toMatch(/text\/xml/);
  expect(ok.body).toContain("<Message>Edgar's Mobile Auto Shop is open Mon–Sat 8:00 AM–5:00 PM.</Message>");
  const refused = (await handler(
    event('/webhooks/twilio/messages', { ...form, MessageSid: `SM${randomBytes(16).toString('hex')}` }, 'wrong'),
    {} as never,
  )) as { statusCode: number };
  expect(refused.statusCode).toBe(403);
});

it('signs an admin in over https as API Gateway forwards it: argon2 verifies, the cookie is Secure, the session holds', async () => {
  const { handler } = await import('../../api/admin-lambda');
  const call = async (method: string, path: string, body?: unknown, cookie?: string) =>
    (await handler(
      {
        version: '2.0',
        routeKey: '$default',
        rawPath: path,
        rawQueryString: '',
        // What API Gateway adds: the caller's address appended to X-Forwarded-For (a forged entry
        // to its left is not believed), and the protocol the caller used.
        headers: {
          host: new URL(PUBLIC).host,
          'x-forwarded-for': '10.9.9.9, 198.51.100.7',
          'x-forwarded-proto': 'https',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(cookie ? { cookie } : {}),
        },
        requestContext: {
          http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'Mozilla/5.0' },
          requestId: `apigw-${randomBytes(6).toString('hex')}`,
          stage: '$default',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        isBase64Encoded: false,
      },
      {} as never,
    )) as { statusCode: number; body: string; headers: Record<string, string>; cookies?: string[] };

  const login = await call('POST', '/api/admin/login', { email: 'admin@edgar.example', password: DEMO_ADMIN_PASSWORD });
  expect(login.statusCode).toBe(200);
  const setCookie = [...(login.cookies ?? []), login.headers['set-cookie'] ?? ''].join('\n');
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/Secure/i);
  const cookie = setCookie
    .split('\n')
    .filter(Boolean)
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = await call('GET', '/api/admin/me', undefined, cookie);
  expect(me.statusCode).toBe(200);
  expect(JSON.parse(me.body)).toMatchObject({ email: 'admin@edgar.example' });
  const page = await call('GET', '/admin/');
  expect([page.statusCode, page.headers['content-type']]).toEqual([200, expect.stringMatching(/text\/html/)]);
  expect(page.body).toContain('Textbook · Front desk');
});

it('keeps the admin side out of the webhooks function: its paths are not found there', async () => {
  const { handler } = await import('../../api/lambda');
  const answer = (await handler(
    {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/api/admin/me',
      rawQueryString: '',
      headers: { host: new URL(PUBLIC).host },
      requestContext: {
        http: { method: 'GET', path: '/api/admin/me', protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'x' },
        requestId: `apigw-${randomBytes(6).toString('hex')}`,
        stage: '$default',
      },
      isBase64Encoded: false,
    },
    {} as never,
  )) as { statusCode: number };
  expect(answer.statusCode).toBe(404);
});
