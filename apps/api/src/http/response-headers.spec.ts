import request from 'supertest';
import { createUser, login, type LoggedIn } from '../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

describe('response headers', () => {
  let t: TestApp;
  let ana: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp({
      PUBLIC_URL: 'https://iuc.example.org',
      ALLOWED_ORIGINS: 'https://iuc.example.org,http://localhost:5173',
    });
    await createUser(t.dataSource, {
      email: 'ana@headers.test',
      name: 'Ana',
      password: 'correct horse battery',
    });
    ana = await login(t.url, 'ana@headers.test', 'correct horse battery');
  });
  afterAll(() => t.close());

  it('the Content Security Policy lets scripts connect to our own origins only (was any ws: or wss: host)', async () => {
    const csp = (await request(t.url).get('/api/health')).headers['content-security-policy'];
    const connectSrc = /(?:^|;)connect-src ([^;]*)/.exec(csp)?.[1].split(' ');
    expect(connectSrc).toEqual([
      "'self'",
      'https://iuc.example.org',
      'wss://iuc.example.org',
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
  });

  it('API answers are not stored by caches: authenticated JSON, refusals and health; the public API docs may be', async () => {
    const me = await request(t.url)
      .get('/api/me')
      .set('Authorization', `Bearer ${ana.token}`)
      .expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    expect((await request(t.url).get('/api/pairings').expect(401)).headers['cache-control']).toBe(
      'no-store',
    );
    expect((await request(t.url).get('/api/health').expect(200)).headers['cache-control']).toBe(
      'no-store',
    );
    expect(
      (await request(t.url).get('/api/docs-json').expect(200)).headers['cache-control'],
    ).not.toBe('no-store');
  });
});
