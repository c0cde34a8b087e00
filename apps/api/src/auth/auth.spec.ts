import request from 'supertest';
import { createUser, login } from '../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { keyedHash } from './sessions/tokens.js';

describe('sessions: login, logout, /api/me, CSRF and origin checks', () => {
  let t: TestApp;
  const password = 'correct horse battery';

  beforeAll(async () => {
    t = await startTestApp();
    await createUser(t.dataSource, { email: 'ana@example.org', name: 'Ana', password });
  });
  afterAll(() => t.close());

  const sessionCount = async (): Promise<number> =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM sessions'))[0].n);

  describe('POST /api/auth/login', () => {
    it('signs in (email case-insensitive), returns user, token and CSRF token, and sets the session cookie', async () => {
      const res = await request(t.url)
        .post('/api/auth/login')
        .send({ email: '  ANA@Example.org ', password })
        .expect(200);
      expect(res.body).toEqual({
        user: {
          id: expect.any(String),
          email: 'ana@example.org',
          name: 'Ana',
          programmeRole: null,
          locale: 'en',
          memberships: [],
        },
        token: expect.stringMatching(/^[\w-]{43}$/),
        csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      });
      const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
        c.startsWith('iuc_session='),
      );
      expect(cookie).toContain(`iuc_session=${res.body.token};`);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toContain(`Max-Age=${t.config.sessionTtlHours * 3600}`);
      expect(cookie).not.toMatch(/; Secure/); // only in production
    });

    it('stores only the keyed hash of the session token', async () => {
      const { token } = await login(t.url, 'ana@example.org', password);
      const rows: { token_hash: string; expires_at: Date }[] = await t.dataSource.query(
        'SELECT token_hash, expires_at FROM sessions WHERE token_hash = $1',
        [keyedHash(t.config.sessionSecret, token)],
      );
      expect(rows).toHaveLength(1);
      const ttlMs = rows[0].expires_at.getTime() - Date.now();
      expect(ttlMs).toBeGreaterThan(t.config.sessionTtlHours * 3_600_000 - 60_000);
      expect(ttlMs).toBeLessThanOrEqual(t.config.sessionTtlHours * 3_600_000);
      expect(
        await t.dataSource.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token]),
      ).toHaveLength(0);
    });

    it('answers a wrong password, an unknown email and a disabled account with the same 401', async () => {
      await createUser(t.dataSource, { email: 'gone@example.org', name: 'Gone', password });
      await t.dataSource.query(
        "UPDATE users SET disabled_at = now() WHERE email = 'gone@example.org'",
      );
      const before = await sessionCount();
      const answers = await Promise.all([
        request(t.url)
          .post('/api/auth/login')
          .send({ email: 'ana@example.org', password: 'wrong password' }),
        request(t.url).post('/api/auth/login').send({ email: 'nobody@example.org', password }),
        request(t.url).post('/api/auth/login').send({ email: 'gone@example.org', password }),
      ]);
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Wrong email or password.',
          code: 'unauthorized',
        });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      expect(await sessionCount()).toBe(before);
    });

    it('rejects a malformed body with 400 and a message per field', async () => {
      const res = await request(t.url)
        .post('/api/auth/login')
        .send({ email: 'ana@example.org', extra: 1 })
        .expect(400);
      expect(res.body.statusCode).toBe(400);
      expect(res.body.message).toEqual(
        expect.arrayContaining(['property extra should not exist', 'password should not be empty']),
      );
    });

    it('refuses a login sent from a foreign origin (login CSRF), accepts one from the platform', async () => {
      const res = await request(t.url)
        .post('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .send({ email: 'ana@example.org', password })
        .expect(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'origin_not_allowed',
        message: expect.stringContaining('https://evil.example'),
      });
      await request(t.url)
        .post('/api/auth/login')
        .set('Origin', 'http://localhost:3000')
        .send({ email: 'ana@example.org', password })
        .expect(200);
    });

    it('rotates the session: the cookie sent with a new login stops working', async () => {
      const first = await login(t.url, 'ana@example.org', password);
      const res = await request(t.url)
        .post('/api/auth/login')
        .set('Cookie', first.cookie)
        .send({ email: 'ana@example.org', password })
        .expect(200);
      expect(res.body.token).not.toBe(first.token);
      await request(t.url).get('/api/me').set('Cookie', first.cookie).expect(401);
      await request(t.url)
        .get('/api/me')
        .set('Cookie', `iuc_session=${res.body.token}`)
        .expect(200);
    });
  });

  describe('GET /api/me', () => {
    it('answers 401 in the error shape without a session, or with an unknown one', async () => {
      const res = await request(t.url).get('/api/me').expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.any(String),
        code: 'unauthorized',
      });
      await request(t.url).get('/api/me').set('Authorization', 'Bearer not-a-session').expect(401);
      await request(t.url).get('/api/me').set('Cookie', 'iuc_session=not-a-session').expect(401);
    });

    it('works with the bearer token and with the cookie, and returns the session CSRF token', async () => {
      const session = await login(t.url, 'ana@example.org', password);
      const byBearer = await request(t.url)
        .get('/api/me')
        .set('Authorization', `Bearer ${session.token}`)
        .expect(200);
      expect(byBearer.body).toEqual({ user: session.user, csrfToken: session.csrfToken });
      const byCookie = await request(t.url)
        .get('/api/me')
        .set('Cookie', session.cookie)
        .expect(200);
      expect(byCookie.body.csrfToken).toBe(session.csrfToken);
    });

    it('refuses an expired session', async () => {
      const session = await login(t.url, 'ana@example.org', password);
      await t.dataSource.query(
        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1",
        [keyedHash(t.config.sessionSecret, session.token)],
      );
      await request(t.url)
        .get('/api/me')
        .set('Authorization', `Bearer ${session.token}`)
        .expect(401);
    });
  });

  describe('POST /api/auth/logout and CSRF', () => {
    it('answers 401 without a session', async () => {
      await request(t.url).post('/api/auth/logout').expect(401);
    });

    it('refuses a cookie-authenticated mutation without, or with a wrong, X-CSRF-Token', async () => {
      const session = await login(t.url, 'ana@example.org', password);
      const res = await request(t.url)
        .post('/api/auth/logout')
        .set('Cookie', session.cookie)
        .expect(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.stringContaining('X-CSRF-Token'),
        code: 'forbidden',
      });
      await request(t.url)
        .post('/api/auth/logout')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', 'x'.repeat(43))
        .expect(403);
      // Another session's CSRF token does not fit this one.
      const other = await login(t.url, 'ana@example.org', password);
      await request(t.url)
        .post('/api/auth/logout')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', other.csrfToken)
        .expect(403);
      await request(t.url).get('/api/me').set('Cookie', session.cookie).expect(200); // still signed in
    });

    it('logs out with the cookie and the CSRF token: 204, cookie cleared, session gone', async () => {
      const session = await login(t.url, 'ana@example.org', password);
      const res = await request(t.url)
        .post('/api/auth/logout')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', session.csrfToken)
        .expect(204);
      const cleared = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
        c.startsWith('iuc_session=;'),
      );
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
      await request(t.url).get('/api/me').set('Cookie', session.cookie).expect(401);
      await request(t.url)
        .get('/api/me')
        .set('Authorization', `Bearer ${session.token}`)
        .expect(401);
    });

    it('logs out with a bearer token and no CSRF token, ending only that session', async () => {
      const session = await login(t.url, 'ana@example.org', password);
      const other = await login(t.url, 'ana@example.org', password);
      await request(t.url)
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${session.token}`)
        .expect(204);
      await request(t.url)
        .get('/api/me')
        .set('Authorization', `Bearer ${session.token}`)
        .expect(401);
      await request(t.url).get('/api/me').set('Authorization', `Bearer ${other.token}`).expect(200);
    });
  });

  it('documents the auth, invitation and admin routes in the OpenAPI document', async () => {
    const res = await request(t.url).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/logout',
        '/api/me',
        '/api/pairings/{pairingId}/invitations',
        '/api/invitations/{token}',
        '/api/invitations/accept',
        '/api/admin/users/{userId}/disable',
        '/api/admin/users/{userId}/enable',
        '/api/admin/outbox',
      ]),
    );
    expect(res.body.components.schemas.SessionResponseDoc.required).toEqual(
      expect.arrayContaining(['user', 'token', 'csrfToken']),
    );
  });
});
