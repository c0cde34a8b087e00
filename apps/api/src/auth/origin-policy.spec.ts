import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import WebSocket from 'ws';
import { createUser, login, type LoggedIn } from '../test/auth-helpers.js';
import { collabUrl } from '../test/collab-clients.js';
import { connectOutcome } from '../test/discussion-clients.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

/**
 * Whose pages may use the session cookie: the platform's own (PUBLIC_URL, ALLOWED_ORIGINS) and any
 * page served from the very host the request was sent to — opened as http://127.0.0.1:3000 or a
 * LAN address, the platform still signs people in. Foreign pages are refused with what to set.
 */
describe('origin policy: same-origin is always ours; others are refused with what to configure', () => {
  let t: TestApp;
  let ownOrigin: string;
  let session: LoggedIn;
  const password = 'correct horse battery';

  beforeAll(async () => {
    // PUBLIC_URL is http://localhost:3000: the address the tests use is not it.
    t = await startTestApp();
    ownOrigin = t.url;
    await createUser(t.dataSource, { email: 'ana@example.org', name: 'Ana', password });
    session = await login(t.url, 'ana@example.org', password);
  });
  afterAll(() => t.close());

  it('signs in from a page of the host the request was sent to (http://127.0.0.1:PORT)', async () => {
    await request(t.url)
      .post('/api/auth/login')
      .set('Origin', ownOrigin)
      .send({ email: 'ana@example.org', password })
      .expect(200);
  });

  it('refuses another origin with a code and a message naming PUBLIC_URL and ALLOWED_ORIGINS, and logs it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      for (const origin of ['https://evil.example', 'http://127.0.0.1:1']) {
        const res = await request(t.url)
          .post('/api/auth/login')
          .set('Origin', origin)
          .send({ email: 'ana@example.org', password })
          .expect(403);
        expect(res.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          code: 'origin_not_allowed',
          message: expect.stringMatching(/PUBLIC_URL.*ALLOWED_ORIGINS/s),
        });
        expect(res.body.message).toContain(origin);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/https:\/\/evil\.example.*ALLOWED_ORIGINS/s),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it('discussions: the session cookie is accepted from the request’s own host, not from another', async () => {
    expect(await connectOutcome(t.url, { cookie: session.cookie, origin: ownOrigin })).toBe(
      'connected',
    );
    expect(
      await connectOutcome(t.url, { cookie: session.cookie, origin: 'https://evil.example' }),
    ).not.toBe('connected');
  });

  it('collab: the session cookie is accepted from the request’s own host, not from another', async () => {
    const closeCode = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${collabUrl(t.url)}/plan.00000000-0000-4000-8000-000000000000`, {
          headers: { cookie: session.cookie, origin },
        });
        ws.on('close', (code) => resolve(code));
        ws.on('error', reject);
      });
    // Past the origin check the unknown plan is "not found"; before it, "forbidden".
    expect(await closeCode(ownOrigin)).toBe(4404);
    expect(await closeCode('https://evil.example')).toBe(4403);
  });
});
