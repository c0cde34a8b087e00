/**
 * What a hostile client sends over HTTP gets a fast 4xx and changes nothing: bodies too large for
 * their route or nested too deep, text PostgreSQL cannot store (NUL, unpaired surrogates), paging
 * cursors out of range. The server keeps answering everyone else meanwhile.
 */
import request from 'supertest';
import type { ChannelDto } from '@iuc/domain';
import { addMembership, createUser, login, type LoggedIn } from '../test/auth-helpers.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import { insertPlans, type PlanFixture } from '../test/plan-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const PASSWORD = 'correct horse battery';
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile HTTP input', () => {
  let t: TestApp;
  let pairing: PairingFixture;
  let plans: PlanFixture;
  let lucia: LoggedIn;
  let general: ChannelDto;

  const as = (method: 'get' | 'post' | 'patch', path: string) =>
    request(t.url)[method](path).set('Authorization', `Bearer ${lucia.token}`);
  /** A raw JSON text, sent as it is. */
  const postRaw = (path: string, json: string, token?: string) => {
    const req = request(t.url).post(path).set('Content-Type', 'application/json');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send(json);
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    pairing = await insertPairing(t.dataSource);
    plans = await insertPlans(t.dataSource, pairing);
    const user = await createUser(t.dataSource, {
      email: 'lucia@hostile.test',
      name: 'Lucía',
      password: PASSWORD,
    });
    await addMembership(t.dataSource, {
      userId: user.id,
      pairingId: pairing.pairingId,
      role: 'coordinator',
      authorityId: pairing.euAuthorityId,
    });
    lucia = await login(t.url, 'lucia@hostile.test', PASSWORD);
    general = (await as('get', `/api/pairings/${pairing.pairingId}/channels`).expect(200)).body[0];
  });
  afterAll(() => t.close());

  describe('deeply nested and oversized bodies', () => {
    it('the 800 KB login body nested 400,000 deep is refused at once (was a 500 after ~1 s)', async () => {
      const body = `{"email":${nested(400_000)},"password":"x"}`;
      const started = performance.now();
      const res = await postRaw('/api/auth/login', body);
      const ms = performance.now() - started;
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(ms).toBeLessThan(500);
    });

    it('a body within the size limit but nested deeper than 32 gets a 400 naming the depth, before any parsing', async () => {
      const res = await postRaw(
        '/api/auth/login',
        `{"email":${nested(1_500)},"password":"x"}`,
      ).expect(400);
      expect(res.body.message).toMatch(/more than 32 levels deep/);
      await postRaw(
        `/api/plans/${plans.euPlanId}/versions`,
        `{"name":${nested(33)}}`,
        lucia.token,
      ).expect(400, /32 levels/);
      // 32 is allowed through to validation (which then says what is wrong with the field).
      const fine = await postRaw(
        `/api/plans/${plans.euPlanId}/versions`,
        `{"name":${nested(31)}}`,
        lucia.token,
      ).expect(400);
      expect(fine.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/name must be a string/)]),
      );
    });

    it('eight nested bodies at once do not stall the server: /api/health answers meanwhile', async () => {
      const bodies = Array.from({ length: 8 }, (_, i) =>
        i % 2 ? `{"email":${nested(400_000)}}` : `{"email":${nested(1_900)},"password":"x"}`,
      );
      const attacks = Promise.all(bodies.map((b) => postRaw('/api/auth/login', b)));
      const started = performance.now();
      await request(t.url).get('/api/health').expect(200);
      const healthMs = performance.now() - started;
      expect((await attacks).map((r) => r.status).sort()).toEqual([
        400, 400, 400, 400, 413, 413, 413, 413,
      ]);
      expect(healthMs).toBeLessThan(500);
    });

    it('each route takes the size its largest valid body needs: 4 KB to sign in, 16 KB by default, 32 KB for a review comment', async () => {
      // Sign-in: 5 KB is more than any valid email and password.
      const login = await postRaw(
        '/api/auth/login',
        JSON.stringify({ email: 'a@b.c', password: 'p'.repeat(5_000) }),
      );
      expect(login.status).toBe(413);
      expect(login.body.message).toMatch(/4096 bytes/);
      // The same 5 KB on a default route reaches validation (a 400 about the field, not the size).
      const version = await as('post', `/api/plans/${plans.euPlanId}/versions`)
        .send({ name: 'v'.repeat(5_000) })
        .expect(400);
      expect(version.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/name must be shorter/)]),
      );
      await as('post', `/api/plans/${plans.euPlanId}/versions`)
        .send({ name: 'v'.repeat(17_000) })
        .expect(413);
      // A 5,000-character comment sent fully escaped (30 KB) still fits its route.
      const comment = '\\u00e9'.repeat(5_000);
      const transition = await postRaw(
        `/api/plans/${plans.euPlanId}/transitions`,
        `{"to":"submitted","comment":"${comment}"}`,
        lucia.token,
      );
      expect(transition.status).not.toBe(413);
      await postRaw(
        `/api/plans/${plans.euPlanId}/transitions`,
        `{"to":"submitted","comment":"${comment}${'x'.repeat(3_000)}"}`,
        lucia.token,
      ).expect(413);
      // 500 notification ids fit.
      const ids = Array.from({ length: 500 }, () => '6f1c2a4e-2b0a-4c1e-9e7a-3d9b8f0c1a2b');
      await as('post', '/api/notifications/read').send({ ids }).expect(200);
    });

    it('url-encoded forms are not parsed at all (no route takes them)', async () => {
      const res = await request(t.url)
        .post('/api/auth/login')
        .type('form')
        .send({ email: 'lucia@hostile.test', password: PASSWORD });
      expect(res.status).toBe(400);
    });
  });

  describe('text PostgreSQL cannot store', () => {
    it('a NUL character in any text field is a 400 naming the field, and nothing is stored (was a 500)', async () => {
      const versions = await count('SELECT count(*) AS n FROM plan_versions');
      const invitations = await count('SELECT count(*) AS n FROM invitations');
      const channels = await count('SELECT count(*) AS n FROM channels');
      const cases: [request.Test, RegExp][] = [
        [
          as('post', `/api/plans/${plans.euPlanId}/versions`).send({ name: 'draft\u0000one' }),
          /^name must not contain the NUL character/,
        ],
        [
          as('post', `/api/pairings/${pairing.pairingId}/invitations`).send({
            email: 'maria@example.org',
            name: 'Mar\u0000ía',
            role: 'editor',
          }),
          /^name must not contain the NUL character/,
        ],
        [
          as('post', `/api/pairings/${pairing.pairingId}/channels`).send({ name: 'bikes\u0000' }),
          /^name must not contain the NUL character/,
        ],
        [
          as('patch', `/api/channels/${general.id}`).send({ name: 'x\u0000' }),
          /^name must not contain the NUL character/,
        ],
        [
          as('get', `/api/channels/${general.id}/members?q=ma%00`),
          /^q must not contain the NUL character/,
        ],
        [
          request(t.url)
            .post('/api/auth/login')
            .send({ email: 'lucia@hostile.test\u0000', password: PASSWORD }),
          /^email must not contain the NUL/,
        ],
        [
          as('post', `/api/plans/${plans.euPlanId}/transitions`).send({
            to: 'submitted',
            comment: 'ok\u0000',
          }),
          /^comment must not contain the NUL/,
        ],
      ];
      for (const [req, message] of cases) {
        const res = await req;
        expect([res.status, res.body.message]).toEqual([
          400,
          expect.arrayContaining([expect.stringMatching(message)]),
        ]);
      }
      expect(await count('SELECT count(*) AS n FROM plan_versions')).toBe(versions);
      expect(await count('SELECT count(*) AS n FROM invitations')).toBe(invitations);
      expect(await count('SELECT count(*) AS n FROM channels')).toBe(channels);
    });

    it('an unpaired surrogate is a 400 too (a version name was stored with U+FFFD in its place)', async () => {
      const versions = await count('SELECT count(*) AS n FROM plan_versions');
      for (const [path, body] of [
        [`/api/plans/${plans.euPlanId}/versions`, { name: 'draft \ud83d' }],
        [`/api/pairings/${pairing.pairingId}/channels`, { name: '\udc00 bikes' }],
        [
          `/api/pairings/${pairing.pairingId}/invitations`,
          { email: 'maria@example.org', name: 'María \ud800', role: 'editor' },
        ],
      ] as const) {
        const res = await as('post', path).send(body).expect(400);
        expect(res.body.message).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^name contains an unpaired UTF-16 surrogate/),
          ]),
        );
      }
      expect(await count('SELECT count(*) AS n FROM plan_versions')).toBe(versions);
      // Whole emoji are of course fine.
      await as('post', `/api/plans/${plans.euPlanId}/versions`)
        .send({ name: 'draft 🚲' })
        .expect(201);
    });
  });

  describe('paging cursors out of range', () => {
    const cursor = (micros: string) =>
      Buffer.from(`${micros}.00000000-0000-0000-0000-000000000000`).toString('base64url');

    it('are a 400 on every route that pages (were a 500 from PostgreSQL)', async () => {
      const [message]: { id: string }[] = await t.dataSource.query(
        `INSERT INTO messages (id, channel_id, author_id, body, created_at) VALUES (gen_random_uuid(), $1, $2, 'a thread', now()) RETURNING id`,
        [general.id, lucia.user.id],
      );
      for (const micros of [
        '9223372036854775807',
        '9999999999999999999',
        '-9999999999999999999',
        '-1',
      ]) {
        const c = cursor(micros);
        for (const path of [
          `/api/channels/${general.id}/messages?before=${c}`,
          `/api/channels/${general.id}/messages?after=${c}`,
          `/api/messages/${message.id}/replies?after=${c}`,
          `/api/notifications?before=${c}`,
        ]) {
          const res = await as('get', path);
          expect([path, res.status, res.body.message]).toEqual([
            path,
            400,
            expect.stringMatching(/is not a valid cursor/),
          ]);
        }
      }
    });
  });
});
