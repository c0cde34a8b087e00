import request from 'supertest';
import { createUser } from '../../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

/**
 * What a hostile client tries against the login: racing the limit with parallel guesses, flooding
 * the password checks, and locking real users out of their accounts or their office's address.
 */
describe('login under attack', () => {
  let t: TestApp;
  const password = 'the right password';
  const attempt = (client: string, email: string, pw: string, cookie?: string) => {
    const req = request(t.url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', client)
      .send({ email, password: pw });
    return cookie ? req.set('Cookie', cookie) : req;
  };
  const failures = async (key: string): Promise<number> =>
    Number(
      (
        await t.dataSource.query('SELECT count(*) AS n FROM login_failures WHERE key = $1', [key])
      )[0].n,
    );
  const deviceCookie = (res: request.Response): string => {
    const cookies = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    const cookie = cookies.find((c) => c.startsWith('iuc_device='));
    if (!cookie) throw new Error(`no device cookie in ${JSON.stringify(cookies)}`);
    return cookie.split(';')[0];
  };

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
      LOGIN_MAX_FAILURES_PER_CLIENT: '20',
      LOGIN_MAX_FAILURES_PER_DEVICE: '3',
      LOGIN_MAX_CONCURRENT_CHECKS: '4',
      LOGIN_MAX_QUEUED_CHECKS: '4',
      LOGIN_MAX_CONCURRENT_CHECKS_PER_CLIENT: '2',
    });
    for (const name of ['race', 'real', 'returning', 'locked', 'office', 'thief'])
      await createUser(t.dataSource, { email: `${name}@example.org`, name, password });
  });
  afterAll(() => t.close());

  it('30 parallel wrong passwords for one account: at most 5 are checked, the rest get 429', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(`10.1.0.${i + 1}`, 'race@example.org', 'wrong')),
    );
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    console.log(`race (default caps): ${checked} of 30 parallel wrong passwords were checked`);
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - checked);
    expect(await failures('account:race@example.org')).toBeLessThanOrEqual(5);
  });

  describe('with the concurrent-check caps wide open, the reservation alone holds the limit', () => {
    let wide: TestApp;
    beforeAll(async () => {
      wide = await startTestApp({
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
        LOGIN_MAX_CONCURRENT_CHECKS: '30',
        LOGIN_MAX_CONCURRENT_CHECKS_PER_ACCOUNT: '30',
      });
      await createUser(wide.dataSource, { email: 'race@example.org', name: 'race', password });
    });
    afterAll(() => wide.close());

    it('30 parallel wrong passwords: exactly 5 are checked and counted, 25 get 429 before any check', async () => {
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          request(wide.url)
            .post('/api/auth/login')
            .set('X-Forwarded-For', `10.7.0.${i + 1}`)
            .send({ email: 'race@example.org', password: 'wrong' }),
        ),
      );
      const checked = answers.filter((r) => r.status === 401).length;
      console.log(`race (caps open): ${checked} of 30 parallel wrong passwords were checked`);
      expect(checked).toBe(5);
      for (const r of answers.filter((a) => a.status !== 401)) {
        expect(r.status).toBe(429);
        expect(r.body.code).toBe('login_throttled');
      }
      const [{ n }] = await wide.dataSource.query(
        "SELECT count(*)::int AS n FROM login_failures WHERE key = 'account:race@example.org'",
      );
      expect(n).toBe(5);
    });
  });

  it('one client’s parallel guesses beyond its concurrent-check cap get a quick 429, not a queue', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt('10.2.0.1', `spray${i}@example.org`, 'wrong')),
    );
    const busy = answers.filter((r) => r.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    for (const res of busy) {
      expect(res.body.code).toBe('login_busy');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('100 parallel guesses from 100 clients: beyond the global cap they get a quick 503, and a real user still signs in', async () => {
    const known = await attempt('10.4.0.2', 'returning@example.org', password).expect(200);
    const device = deviceCookie(known);
    const flood = Array.from({ length: 100 }, (_, i) =>
      attempt(`10.3.0.${i + 1}`, `flood${i}@example.org`, 'wrong'),
    );
    const started = Date.now();
    const floodDone = Promise.all(flood);
    // The real user starts while the flood is in flight, retrying as Retry-After says.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const userStarted = Date.now();
    // A browser that signed in before queues apart and goes first: it is never turned away.
    const returning = attempt('10.4.0.2', 'returning@example.org', password, device).then((r) => ({
      status: r.status,
      waited: Date.now() - userStarted,
    }));
    let res = await attempt('10.4.0.1', 'real@example.org', password);
    while (res.status === 503) {
      await new Promise((resolve) =>
        setTimeout(resolve, Number(res.headers['retry-after']) * 1000),
      );
      res = await attempt('10.4.0.1', 'real@example.org', password);
    }
    const userWaited = Date.now() - userStarted;
    expect(res.status).toBe(200);
    const answers = await floodDone;
    const returned = await returning;
    expect(returned.status).toBe(200);
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    console.log(
      `flood: ${checked} of 100 guesses checked, ${statuses.filter((s) => s === 503).length} refused with 503; ` +
        `flood took ${Date.now() - started} ms; the real user waited ${userWaited} ms, ` +
        `one from a known device ${returned.waited} ms`,
    );
    expect(checked).toBeLessThan(100);
    for (const r of answers.filter((a) => a.status !== 401)) {
      expect(r.status).toBe(503);
      expect(r.body.code).toBe('login_busy');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
  }, 120_000);

  it('a locked account still lets its user in from a device that signed in before; a stolen device cookie has a small budget of its own', async () => {
    const first = await attempt('10.5.0.1', 'locked@example.org', password).expect(200);
    const device = deviceCookie(first);
    expect(first.headers['set-cookie']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^iuc_device=.*HttpOnly.*SameSite=Lax/)]),
    );
    for (let i = 0; i < 5; i++)
      await attempt(`10.5.1.${i + 1}`, 'locked@example.org', 'wrong').expect(401);
    await attempt('10.5.2.1', 'locked@example.org', password).expect(429);
    await attempt('10.5.2.2', 'locked@example.org', password, device).expect(200);
    // The device's own budget: 3 wrong guesses, then even the right password waits.
    for (let i = 0; i < 3; i++)
      await attempt('10.5.3.1', 'locked@example.org', 'wrong', device).expect(401);
    const refused = await attempt('10.5.3.1', 'locked@example.org', password, device).expect(429);
    expect(refused.body.code).toBe('login_throttled');
    // A device cookie names one account: it opens no other.
    const other = await attempt('10.5.4.1', 'thief@example.org', password).expect(200);
    expect(deviceCookie(other)).not.toBe(device);
    for (let i = 0; i < 5; i++)
      await attempt(`10.5.5.${i + 1}`, 'thief@example.org', 'wrong').expect(401);
    await attempt('10.5.6.1', 'thief@example.org', password, device).expect(429);
    // A forged cookie is no device.
    await attempt('10.5.6.2', 'thief@example.org', password, 'iuc_device=abc.def').expect(429);
  });

  it('failures for accounts that do not exist do not lock out the real users behind an address', async () => {
    const office = '10.6.0.1';
    for (let i = 0; i < 21; i++)
      await attempt(office, `nobody${i}@example.org`, 'wrong').expect(401);
    await attempt(office, 'office@example.org', password).expect(200);
  }, 60_000);
});
