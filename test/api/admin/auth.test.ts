import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { BEHIND_TLS_PROXY, startTestApp, type TestApp } from '../../helpers/app';
import { AdminClient, CLINICA_ADMIN, EDGAR_ADMIN } from '../../helpers/admin-client';

const NOW = '2026-11-23T09:00:00-08:00';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ now: NOW, env: BEHIND_TLS_PROXY });
});
afterAll(() => t.close());
afterEach(() => t.clock.set(NOW));

const client = (ip?: string) => new AdminClient(t.baseUrl, ip ?? `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sessionCount = async () => (await t.runtime.db.query('SELECT count(*)::int AS n FROM admin_session'))[0].n;

describe('signing in', () => {
  it('opens a server-side session behind an httpOnly, SameSite=Lax, Secure cookie, and audits it', async () => {
    const admin = client();
    const answer = await admin.login(EDGAR_ADMIN);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      email: EDGAR_ADMIN,
      role: 'admin',
      business: { name: "Edgar's Mobile Auto Shop", timezone: 'America/Los_Angeles', locale: 'en' },
      today: '2026-11-23',
      now: '2026-11-23T17:00:00.000Z',
    });
    const cookie = answer.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^textbook_admin=[^;]+; Path=\/api\/admin; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/);
    // The table keeps a hash of the id, never the id the cookie carries.
    const sessionId = decodeURIComponent(admin.cookie!.split('=')[1]).split('.')[0];
    const [row] = await t.runtime.db.query('SELECT id, data FROM admin_session WHERE id = $1', [sha256(sessionId)]);
    expect(row.data).toMatchObject({ adminUserId: expect.any(String), businessId: answer.body.business.id });
    expect((await t.runtime.db.query('SELECT 1 FROM admin_session WHERE id = $1', [sessionId])).length).toBe(0);
    const [audit] = await t.runtime.db.query(
      `SELECT actor, details FROM audit_log WHERE action = 'admin.login' AND business_id = $1 ORDER BY id DESC LIMIT 1`,
      [answer.body.business.id],
    );
    expect(audit).toEqual({
      actor: `admin:${row.data.adminUserId}`,
      details: expect.objectContaining({ ip: admin.ip }),
    });
    expect((await admin.get('/api/admin/me')).body).toMatchObject({
      email: EDGAR_ADMIN,
      csrfToken: expect.any(String),
    });
  });

  it('answers an unknown address exactly as a wrong password, and audits both', async () => {
    const wrongPassword = await client().login(EDGAR_ADMIN, 'not-the-password');
    const unknown = await client().login('nobody@edgar.example', 'not-the-password');
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrongPassword.body);
    expect(unknown.body).toEqual({
      error: 'WRONG_CREDENTIALS',
      message: 'That email and password do not match an account.',
    });
    expect(unknown.headers.getSetCookie()).toEqual([]);
    const failures = await t.runtime.db.query(
      `SELECT business_id IS NOT NULL AS "known", details FROM audit_log WHERE action = 'admin.login_failed' ORDER BY id DESC LIMIT 2`,
    );
    expect(failures).toEqual([
      {
        known: false,
        details: expect.objectContaining({ ip: expect.any(String), emailSha256: sha256('nobody@edgar.example') }),
      },
      { known: true, details: expect.objectContaining({ ip: expect.any(String) }) },
    ]);
  });

  it('refuses a login without a password, naming the field', async () => {
    const answer = await client().send('POST', '/api/admin/login', { email: EDGAR_ADMIN });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'BAD_REQUEST', field: 'body.password' });
  });

  it('limits failed attempts per account whatever the client address, the same for an unknown address', async () => {
    for (const email of [CLINICA_ADMIN, 'ghost@clinica.example']) {
      for (let i = 0; i < 5; i++) expect((await client().login(email, `wrong-${i}`)).status).toBe(401);
      const limited = await client().login(email);
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({
        error: 'TOO_MANY_ATTEMPTS',
        message: expect.stringMatching(/Try again in 15 minutes/),
      });
    }
    // Another account from an address already seen is not affected.
    expect((await client().login(EDGAR_ADMIN)).status).toBe(200);
  });

  it('limits attempts per client address across accounts', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 20; i++) {
      expect((await client(ip).login(`guess-${i}@example.com`, 'x')).status).toBe(401);
    }
    expect((await client(ip).login(EDGAR_ADMIN)).status).toBe(429);
    expect((await client('192.0.2.78').login(EDGAR_ADMIN)).status).toBe(200);
  });

  it('accepts a password hashed before argon2id and stores it again as argon2id', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('old-password', salt, 32, { N: 16384, r: 8, p: 1 });
    const legacy = ['scrypt', 16384, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    const [user] = await t.runtime.db.query(
      `INSERT INTO admin_user (business_id, email, password_hash) SELECT id, 'legacy@edgar.example', $1 FROM business WHERE slug = 'edgar' RETURNING id`,
      [legacy],
    );
    expect((await client().login('legacy@edgar.example', 'old-password')).status).toBe(200);
    const [after] = await t.runtime.db.query('SELECT password_hash FROM admin_user WHERE id = $1', [user.id]);
    expect(after.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await client().login('legacy@edgar.example', 'old-password')).status).toBe(200);
  });
});

describe('a session', () => {
  it('is needed for everything but signing in', async () => {
    for (const path of ['/api/admin/me', '/api/admin/appointments?from=2026-11-23', '/api/admin/customers']) {
      const answer = await client().get(path);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a change without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const admin = client();
    await admin.login(EDGAR_ADMIN);
    const catalog = (await admin.get('/api/admin/catalog')).body;
    const body = { staffId: catalog.staff[0].id, start: '2026-11-24T13:00:00-08:00', end: '2026-11-24T14:00:00-08:00' };
    const without = await admin.send('POST', '/api/admin/blocks', body, { csrf: false });
    expect(without.status).toBe(403);
    expect(without.body.error).toBe('FST_CSRF_INVALID_TOKEN');
    const token = admin.csrfToken;
    admin.csrfToken = 'forged-token';
    expect((await admin.post('/api/admin/blocks', body)).status).toBe(403);
    admin.csrfToken = token;
    const blocks = await t.runtime.db.query(`SELECT 1 FROM appointment WHERE kind = 'block'`);
    expect(blocks).toHaveLength(0);
    expect((await admin.post('/api/admin/blocks', body)).status).toBe(201);
  });

  it('ends at logout: the row is deleted and the same cookie no longer opens anything', async () => {
    const admin = client();
    await admin.login(EDGAR_ADMIN);
    const cookie = admin.cookie;
    const before = await sessionCount();
    const out = await admin.post('/api/admin/logout');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/^textbook_admin=; .*Expires=Thu, 01 Jan 1970/);
    expect(await sessionCount()).toBe(before - 1);
    admin.cookie = cookie;
    expect((await admin.get('/api/admin/me')).status).toBe(401);
  });

  it('ends twelve hours after login', async () => {
    const admin = client();
    await admin.login(EDGAR_ADMIN);
    t.clock.advance(11 * 3_600_000 + 59 * 60_000);
    expect((await admin.get('/api/admin/me')).status).toBe(200);
    t.clock.advance(2 * 60_000);
    expect((await admin.get('/api/admin/me')).status).toBe(401);
  });
});
