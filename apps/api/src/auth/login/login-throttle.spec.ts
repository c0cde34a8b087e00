import request from 'supertest';
import { createUser, login } from '../../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('login rate limit', () => {
  let t: TestApp;
  const password = 'the right password';
  // Behind the local proxy (trust proxy: loopback) X-Forwarded-For names the client: one per test.
  const attempt = (client: string, email: string, pw: string) =>
    request(t.url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', client)
      .send({ email, password: pw });
  const failures = async (key: string): Promise<number> =>
    Number(
      (
        await t.dataSource.query('SELECT count(*) AS n FROM login_failures WHERE key = $1', [key])
      )[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_CLIENT: '5',
      LOGIN_WINDOW_MINUTES: '10',
    });
    for (const name of ['ana', 'bob', 'cy', 'dee', 'ex1', 'ex2']) {
      await createUser(t.dataSource, { email: `${name}@example.org`, name, password });
    }
  });
  afterAll(() => t.close());

  it('per account: after 3 failures the 4th attempt is 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 3; i++)
      await attempt(`10.0.0.${i + 1}`, 'ana@example.org', 'wrong').expect(401);
    expect(await failures('account:ana@example.org')).toBe(3);
    const res = await attempt('10.0.0.9', 'ANA@example.org', password).expect(429);
    expect(res.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'login_throttled',
      message: expect.stringContaining('Too many failed sign-in attempts'),
    });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(9 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    expect(res.headers['set-cookie']).toBeUndefined();
    // Refused attempts are not counted: the block ends when the window passes, not later.
    expect(await failures('account:ana@example.org')).toBe(3);
    // Other accounts are not affected.
    await login(t.url, 'bob@example.org', password);
  });

  it('the block lifts once the oldest failures leave the window', async () => {
    await t.dataSource.query(
      "UPDATE login_failures SET at = at - interval '11 minutes' WHERE key = 'account:ana@example.org'",
    );
    await attempt('10.0.0.10', 'ana@example.org', password).expect(200);
  });

  it('a success clears the account’s failures', async () => {
    for (let i = 0; i < 2; i++) await attempt('10.0.1.1', 'cy@example.org', 'wrong').expect(401);
    await attempt('10.0.1.2', 'cy@example.org', password).expect(200);
    expect(await failures('account:cy@example.org')).toBe(0);
    for (let i = 0; i < 2; i++) await attempt('10.0.1.3', 'cy@example.org', 'wrong').expect(401);
    await attempt('10.0.1.4', 'cy@example.org', password).expect(200); // 2 < 3 again
  });

  it('per client: after 5 failures over any accounts, the client gets 429 for every account', async () => {
    const client = '10.0.2.1';
    // Failures for existing accounts count against the address (those for made-up emails do not).
    for (let i = 0; i < 5; i++)
      await attempt(client, i % 2 ? 'ex1@example.org' : 'ex2@example.org', 'wrong').expect(401);
    const res = await attempt(client, 'dee@example.org', password).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // An unknown email is refused alike: the block tells nothing about which accounts exist.
    await attempt(client, 'nobody-here@example.org', 'wrong').expect(429);
    // The same account from another client still works.
    await attempt('10.0.2.2', 'dee@example.org', password).expect(200);
  });

  it('prunes failures older than the window when recording new ones', async () => {
    await t.dataSource.query(
      "INSERT INTO login_failures (key, at) VALUES ('client:old', now() - interval '1 hour')",
    );
    await attempt('10.0.3.1', 'bob@example.org', 'wrong').expect(401);
    expect(await failures('client:old')).toBe(0);
    expect(await failures('client:10.0.3.1')).toBe(1);
  });
});
