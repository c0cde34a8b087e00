import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import type { InvitationDto, PairingRole } from '@iuc/domain';
import { addMembership, createUser, login, type LoggedIn } from '../test/auth-helpers.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';

const PASSWORD = 'a good long password';

describe('invitations', () => {
  let t: TestApp;
  let pairing: PairingFixture;
  let other: PairingFixture;
  const as: Record<
    'admin' | 'officer' | 'coordinator' | 'editor' | 'viewer' | 'outsider',
    LoggedIn
  > = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    pairing = await insertPairing(t.dataSource, { eu: 'Torino', partner: 'Curitiba' });
    other = await insertPairing(t.dataSource);
    await createUser(t.dataSource, {
      email: 'admin@example.org',
      name: 'Ada Admin',
      password: PASSWORD,
      programmeRole: 'admin',
    });
    await createUser(t.dataSource, {
      email: 'officer@example.org',
      name: 'Otto Officer',
      password: PASSWORD,
      programmeRole: 'officer',
    });
    await createUser(t.dataSource, {
      email: 'outsider@example.org',
      name: 'Olga Outsider',
      password: PASSWORD,
    });
    for (const role of ['coordinator', 'editor', 'viewer'] as const) {
      const user = await createUser(t.dataSource, {
        email: `${role}@example.org`,
        name: `Carla ${role}`,
        password: PASSWORD,
      });
      await addMembership(t.dataSource, {
        userId: user.id,
        pairingId: pairing.pairingId,
        role,
        authorityId: pairing.euAuthorityId,
      });
    }
    for (const who of Object.keys({
      admin: 1,
      officer: 1,
      coordinator: 1,
      editor: 1,
      viewer: 1,
      outsider: 1,
    }) as (keyof typeof as)[]) {
      as[who] = await login(t.url, `${who}@example.org`, PASSWORD);
    }
  });
  afterAll(() => t.close());

  const count = async (table: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const invite = (who: LoggedIn, body: object, pairingId = pairing.pairingId) =>
    request(t.url)
      .post(`/api/pairings/${pairingId}/invitations`)
      .set('Authorization', `Bearer ${who.token}`)
      .send(body);
  /** The token from the newest mail to `email` in the outbox. */
  const tokenMailedTo = async (email: string): Promise<string> => {
    const [mail]: { text: string }[] = await t.dataSource.query(
      'SELECT text FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1',
      [email],
    );
    const match = /http:\/\/localhost:3000\/invite\/([\w-]{43})\b/.exec(mail?.text ?? '');
    if (!match) throw new Error(`no invitation link in the outbox for ${email}`);
    return match[1];
  };

  it('end to end: a coordinator invites a viewer, who previews, accepts, is signed in and is a member', async () => {
    const logSpy = jest.spyOn(Logger.prototype, 'log');
    const res = await request(t.url)
      .post(`/api/pairings/${pairing.pairingId}/invitations`)
      .set('Cookie', as.coordinator.cookie)
      .set('X-CSRF-Token', as.coordinator.csrfToken)
      .send({
        email: ' New.Person@Example.org ',
        name: ' Nuno Novo ',
        role: 'viewer',
        authorityId: pairing.euAuthorityId,
      })
      .expect(201);
    const invitation = res.body as InvitationDto;
    expect(invitation).toEqual({
      id: expect.any(String),
      email: 'new.person@example.org',
      name: 'Nuno Novo',
      pairingId: pairing.pairingId,
      role: 'viewer',
      authorityId: pairing.euAuthorityId,
      expiresAt: expect.any(String),
      acceptedAt: null,
    });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThanOrEqual(14);

    const token = await tokenMailedTo('new.person@example.org');
    const [mail]: { subject: string; text: string }[] = await t.dataSource.query(
      'SELECT subject, text FROM mail_outbox WHERE to_address = $1',
      ['new.person@example.org'],
    );
    expect(mail.subject).toContain('Torino – Curitiba');
    expect(mail.text).toContain('Carla coordinator');
    // Only the keyed hash is stored, and the mail log line does not carry the link.
    expect(
      await t.dataSource.query('SELECT 1 FROM invitations WHERE token_hash = $1', [token]),
    ).toHaveLength(0);
    const mailLogs = logSpy.mock.calls
      .map((c) => String(c[0]))
      .filter((m) => m.includes('new.person@example.org'));
    expect(mailLogs).toHaveLength(1);
    expect(mailLogs[0]).not.toContain(token);
    logSpy.mockRestore();

    const listed = await request(t.url)
      .get(`/api/pairings/${pairing.pairingId}/invitations`)
      .set('Authorization', `Bearer ${as.coordinator.token}`)
      .expect(200);
    expect(listed.body).toEqual([invitation]);

    const preview = await request(t.url).get(`/api/invitations/${token}`).expect(200);
    expect(preview.body).toEqual({
      email: 'new.person@example.org',
      name: 'Nuno Novo',
      pairingTitle: 'Torino – Curitiba',
      role: 'viewer',
      city: 'Torino',
      expiresAt: invitation.expiresAt,
      hasAccount: false,
      change: null,
    });

    const accepted = await request(t.url)
      .post('/api/invitations/accept')
      .send({ token, password: 'my new password' })
      .expect(200);
    expect(accepted.body.pairingId).toBe(pairing.pairingId);
    expect(accepted.body.user).toMatchObject({
      email: 'new.person@example.org',
      name: 'Nuno Novo',
      memberships: [
        { pairingId: pairing.pairingId, role: 'viewer', authorityId: pairing.euAuthorityId },
      ],
    });
    const cookie = (accepted.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('iuc_session='),
    )!;
    const me = await request(t.url).get('/api/me').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(me.body.user.memberships).toEqual([
      { pairingId: pairing.pairingId, role: 'viewer', authorityId: pairing.euAuthorityId },
    ]);
    expect(me.body.csrfToken).toBe(accepted.body.session.csrfToken);

    // The password was set (argon2id), and the link works once.
    const [user]: { password_hash: string }[] = await t.dataSource.query(
      "SELECT password_hash FROM users WHERE email = 'new.person@example.org'",
    );
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    await login(t.url, 'new.person@example.org', 'my new password');
    await request(t.url).get(`/api/invitations/${token}`).expect(404);
    await request(t.url)
      .post('/api/invitations/accept')
      .send({ token, password: 'another password' })
      .expect(404);
    const pending = await request(t.url)
      .get(`/api/pairings/${pairing.pairingId}/invitations`)
      .set('Authorization', `Bearer ${as.coordinator.token}`);
    expect(pending.body).toEqual([]);
  });

  describe('who may invite whom', () => {
    const cases: [keyof typeof as, PairingRole, number][] = [
      ['coordinator', 'editor', 201],
      ['coordinator', 'viewer', 201],
      ['coordinator', 'coordinator', 403],
      ['editor', 'viewer', 403],
      ['viewer', 'viewer', 403],
      ['outsider', 'viewer', 403],
      ['officer', 'coordinator', 201],
      ['admin', 'coordinator', 201],
    ];
    it.each(cases)('%s inviting a %s → %i', async (who, role, status) => {
      const before = await count('invitations');
      const res = await invite(as[who], {
        email: `${who}-${role}@example.org`,
        name: 'Someone',
        role,
      });
      expect(res.status).toBe(status);
      expect(await count('invitations')).toBe(before + (status === 201 ? 1 : 0));
      if (status === 403)
        expect(res.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          message: expect.any(String),
          code: 'forbidden',
        });
    });

    it('a coordinator of one pairing may not invite into another (403); an unknown pairing is 404', async () => {
      await invite(
        as.coordinator,
        { email: 'x@example.org', name: 'X', role: 'viewer' },
        other.pairingId,
      ).expect(403);
      await invite(
        as.admin,
        { email: 'x@example.org', name: 'X', role: 'viewer' },
        '00000000-0000-4000-8000-000000000000',
      ).expect(404);
      await invite(
        as.admin,
        { email: 'x@example.org', name: 'X', role: 'viewer' },
        'not-a-uuid',
      ).expect(404);
    });

    it('only those who may invite see the pending invitations', async () => {
      await request(t.url)
        .get(`/api/pairings/${pairing.pairingId}/invitations`)
        .set('Authorization', `Bearer ${as.editor.token}`)
        .expect(403);
      await request(t.url)
        .get(`/api/pairings/${pairing.pairingId}/invitations`)
        .set('Authorization', `Bearer ${as.officer.token}`)
        .expect(200);
      await request(t.url).get(`/api/pairings/${pairing.pairingId}/invitations`).expect(401);
    });
  });

  describe('input checks write nothing', () => {
    it.each([
      [{ email: 'not-an-email', name: 'X', role: 'viewer' }, 'email must be an email'],
      [{ email: 'x@example.org', name: '', role: 'viewer' }, 'name should not be empty'],
      [{ email: 'x@example.org', name: '   ', role: 'viewer' }, 'name should not be empty'],
      [
        { email: 'x@example.org', name: 'X', role: 'owner' },
        'role must be one of the following values: coordinator, editor, viewer',
      ],
      [
        { email: 'x@example.org', name: 'X', role: 'viewer', authorityId: 'nope' },
        'authorityId must be a UUID',
      ],
      [
        { email: 'x@example.org', name: 'X', role: 'viewer', pairingId: 'injected' },
        'property pairingId should not exist',
      ],
    ])('%j → 400 “%s”', async (body, message) => {
      const [invitations, mails] = [await count('invitations'), await count('mail_outbox')];
      const res = await invite(as.coordinator, body).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.arrayContaining([message]),
        code: 'invalid',
      });
      expect([await count('invitations'), await count('mail_outbox')]).toEqual([
        invitations,
        mails,
      ]);
    });

    it("refuses an authority that is not one of the pairing's (400)", async () => {
      const before = await count('invitations');
      const res = await invite(as.officer, {
        email: 'x@example.org',
        name: 'X',
        role: 'viewer',
        authorityId: other.euAuthorityId,
      }).expect(400);
      expect(res.body.message).toEqual(["authorityId must be one of the pairing's authorities"]);
      expect(await count('invitations')).toBe(before);
    });

    it('accepting for a new account needs a password of 8 to 200 characters', async () => {
      await invite(as.coordinator, {
        email: 'needs-password@example.org',
        name: 'Pat',
        role: 'editor',
      }).expect(201);
      const token = await tokenMailedTo('needs-password@example.org');
      const users = await count('users');
      for (const body of [
        { token },
        { token, password: 'short' },
        { token, password: 'x'.repeat(201) },
      ]) {
        const res = await request(t.url).post('/api/invitations/accept').send(body).expect(400);
        expect(res.body.message).toEqual([expect.stringContaining('password')]);
      }
      expect(await count('users')).toBe(users);
      await request(t.url).get(`/api/invitations/${token}`).expect(200); // still usable
      const res = await request(t.url)
        .post('/api/invitations/accept')
        .send({ token, password: 'long enough', name: 'Pat Chosen' })
        .expect(200);
      expect(res.body.user.name).toBe('Pat Chosen');
    });
  });

  describe('which side', () => {
    it("refuses a coordinator's invitation to the partner city's side: 403 with a code, no invitation, no mail", async () => {
      const [invitations, mails] = [await count('invitations'), await count('mail_outbox')];
      const res = await invite(as.coordinator, {
        email: 'cross-side@example.org',
        name: 'Mallory',
        role: 'editor',
        authorityId: pairing.partnerAuthorityId,
      }).expect(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.stringContaining("only to your own city's side"),
        code: 'invitation.own_side_only',
      });
      expect([await count('invitations'), await count('mail_outbox')]).toEqual([
        invitations,
        mails,
      ]);
    });

    it('a coordinator who names no side invites to their own; programme staff choose any side or none', async () => {
      const mine = await invite(as.coordinator, {
        email: 'own-side@example.org',
        name: 'Olivia',
        role: 'editor',
      }).expect(201);
      expect(mine.body.authorityId).toBe(pairing.euAuthorityId);
      for (const [who, authorityId] of [
        ['officer', pairing.partnerAuthorityId],
        ['admin', null],
      ] as const) {
        const res = await invite(as[who], {
          email: `${who}-side@example.org`,
          name: 'Pia',
          role: 'coordinator',
          authorityId,
        }).expect(201);
        expect(res.body.authorityId).toBe(authorityId);
      }
    });
  });

  describe('an existing account', () => {
    const membershipOf = async (userId: string) =>
      t.dataSource.query(
        'SELECT role, authority_id AS "authorityId" FROM memberships WHERE user_id = $1 AND pairing_id = $2',
        [userId, pairing.pairingId],
      );
    const accept = (body: object, who?: LoggedIn) => {
      const req = request(t.url).post('/api/invitations/accept');
      return (who ? req.set('Authorization', `Bearer ${who.token}`) : req).send(body);
    };
    /** A member of the pairing (or not, with `role` null) and an invitation for them by the admin. */
    async function memberInvited(
      key: string,
      current: { role: PairingRole; authorityId: string | null } | null,
      offered: { role: PairingRole; authorityId: string | null },
    ) {
      const email = `${key}@example.org`;
      const { id } = await createUser(t.dataSource, {
        email,
        name: `Mo ${key}`,
        password: PASSWORD,
      });
      if (current)
        await addMembership(t.dataSource, { userId: id, pairingId: pairing.pairingId, ...current });
      await invite(as.admin, { email: email.toUpperCase(), name: 'Renamed?', ...offered }).expect(
        201,
      );
      return {
        id,
        email,
        token: await tokenMailedTo(email),
        me: await login(t.url, email, PASSWORD),
      };
    }

    it('signed out, the link is no login: 401 with a code, no session cookie, nothing changes, the link still works', async () => {
      const m = await memberInvited(
        'signed-out',
        { role: 'viewer', authorityId: pairing.euAuthorityId },
        {
          role: 'editor',
          authorityId: pairing.euAuthorityId,
        },
      );
      const sessions = await count('sessions');
      const res = await accept({ token: m.token, password: 'any password at all' }).expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: expect.stringContaining('sign in'),
        code: 'invitation.sign_in_required',
      });
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await count('sessions')).toBe(sessions);
      expect(await membershipOf(m.id)).toEqual([
        { role: 'viewer', authorityId: pairing.euAuthorityId },
      ]);
      // Signed out, the preview says there is an account, and shows no membership.
      const preview = await request(t.url).get(`/api/invitations/${m.token}`).expect(200);
      expect(preview.body).toMatchObject({ hasAccount: true, change: null });
    });

    it('signed in as another account: 403 with a code, nothing changes (a new address too)', async () => {
      const m = await memberInvited('someone-else', null, {
        role: 'editor',
        authorityId: pairing.euAuthorityId,
      });
      const res = await accept({ token: m.token }, as.outsider).expect(403);
      expect(res.body.code).toBe('invitation.other_account');
      expect(await membershipOf(m.id)).toEqual([]);
      expect((await membershipOf(as.outsider.user.id)).length).toBe(0);

      await invite(as.coordinator, {
        email: 'fresh@example.org',
        name: 'F',
        role: 'viewer',
      }).expect(201);
      const fresh = await tokenMailedTo('fresh@example.org');
      const res2 = await accept({ token: fresh, password: 'long enough' }, as.outsider).expect(403);
      expect(res2.body.code).toBe('invitation.other_account');
      expect(await count("users WHERE email = 'fresh@example.org'")).toBe(0);
    });

    it('signed in as itself, joining: the membership is added, no new session, the password unchanged', async () => {
      const m = await memberInvited('joiner', null, {
        role: 'editor',
        authorityId: pairing.partnerAuthorityId,
      });
      const preview = await request(t.url)
        .get(`/api/invitations/${m.token}`)
        .set('Authorization', `Bearer ${m.me.token}`)
        .expect(200);
      expect(preview.body.change).toEqual({
        kind: 'join',
        current: null,
        next: { role: 'editor', authorityId: pairing.partnerAuthorityId, city: 'Curitiba' },
        needsConfirmation: false,
      });
      const [{ password_hash: before }] = await t.dataSource.query(
        'SELECT password_hash FROM users WHERE id = $1',
        [m.id],
      );
      const sessions = await count('sessions');
      // As the browser does it: the session cookie and its CSRF token.
      const res = await request(t.url)
        .post('/api/invitations/accept')
        .set('Cookie', m.me.cookie)
        .set('X-CSRF-Token', m.me.csrfToken)
        .send({ token: m.token, password: 'ignored password' })
        .expect(200);
      expect(res.body).toEqual({
        pairingId: pairing.pairingId,
        user: expect.objectContaining({ id: m.id, name: 'Mo joiner' }),
        session: null,
      });
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(await count('sessions')).toBe(sessions);
      expect(await membershipOf(m.id)).toEqual([
        { role: 'editor', authorityId: pairing.partnerAuthorityId },
      ]);
      const [{ password_hash: after }] = await t.dataSource.query(
        'SELECT password_hash FROM users WHERE id = $1',
        [m.id],
      );
      expect(after).toBe(before);
      await request(t.url).get('/api/me').set('Cookie', m.me.cookie).expect(200); // still signed in
    });

    it('a raise applies on accepting (the page has shown it); the same role changes nothing', async () => {
      const m = await memberInvited(
        'raised',
        { role: 'viewer', authorityId: pairing.euAuthorityId },
        {
          role: 'editor',
          authorityId: null,
        },
      );
      await accept({ token: m.token }, m.me).expect(200);
      expect(await membershipOf(m.id)).toEqual([
        { role: 'editor', authorityId: pairing.euAuthorityId },
      ]);
      await invite(as.admin, { email: m.email, name: 'Again', role: 'editor' }).expect(201);
      const again = await tokenMailedTo(m.email);
      const preview = await request(t.url)
        .get(`/api/invitations/${again}`)
        .set('Authorization', `Bearer ${m.me.token}`)
        .expect(200);
      expect(preview.body.change).toMatchObject({ kind: 'same', needsConfirmation: false });
      await accept({ token: again }, m.me).expect(200);
      expect(await membershipOf(m.id)).toEqual([
        { role: 'editor', authorityId: pairing.euAuthorityId },
      ]);
    });

    it.each([
      [
        'lowers',
        { role: 'coordinator', authorityId: 'eu' },
        { role: 'viewer', authorityId: 'eu' },
        'lower',
      ],
      [
        'moves',
        { role: 'editor', authorityId: 'eu' },
        { role: 'editor', authorityId: 'partner' },
        'move',
      ],
    ] as const)(
      'an invitation that %s the membership waits for confirmChange: 409 and nothing changes, then applies',
      async (key, current, offered, kind) => {
        const side = (s: 'eu' | 'partner') =>
          s === 'eu' ? pairing.euAuthorityId : pairing.partnerAuthorityId;
        const m = await memberInvited(
          `confirm-${key}`,
          { role: current.role, authorityId: side(current.authorityId) },
          { role: offered.role, authorityId: side(offered.authorityId) },
        );
        const preview = await request(t.url)
          .get(`/api/invitations/${m.token}`)
          .set('Authorization', `Bearer ${m.me.token}`)
          .expect(200);
        expect(preview.body.change).toMatchObject({
          kind,
          current: {
            role: current.role,
            city: current.authorityId === 'eu' ? 'Torino' : 'Curitiba',
          },
          next: { role: offered.role, city: offered.authorityId === 'eu' ? 'Torino' : 'Curitiba' },
          needsConfirmation: true,
        });
        for (const body of [{ token: m.token }, { token: m.token, confirmChange: false }]) {
          const res = await accept(body, m.me).expect(409);
          expect(res.body.code).toBe('invitation.confirm_change');
        }
        expect(await membershipOf(m.id)).toEqual([
          { role: current.role, authorityId: side(current.authorityId) },
        ]);
        await request(t.url).get(`/api/invitations/${m.token}`).expect(200); // still pending

        await accept({ token: m.token, confirmChange: true }, m.me).expect(200);
        expect(await membershipOf(m.id)).toEqual([
          { role: offered.role, authorityId: side(offered.authorityId) },
        ]);
      },
    );

    it('refuses confirmChange that is not a boolean (400)', async () => {
      await accept({ token: 'whatever', confirmChange: 'yes' }).expect(400);
    });
  });

  describe('programme staff hold no role in a pairing', () => {
    it('refuses to invite a known staff account (409 with a code), for any role; nothing is written', async () => {
      for (const role of ['coordinator', 'viewer'] as const) {
        const [invitations, mails] = [await count('invitations'), await count('mail_outbox')];
        const res = await invite(as.admin, {
          email: 'Officer@example.org',
          name: 'Otto',
          role,
          authorityId: pairing.euAuthorityId,
        }).expect(409);
        expect(res.body.code).toBe('invitation.staff_account');
        expect([await count('invitations'), await count('mail_outbox')]).toEqual([
          invitations,
          mails,
        ]);
      }
    });

    it('refuses a staff account accepting an invitation made before it was staff (403 with a code)', async () => {
      await invite(as.coordinator, {
        email: 'later-staff@example.org',
        name: 'L',
        role: 'editor',
      }).expect(201);
      const token = await tokenMailedTo('later-staff@example.org');
      const { id } = await createUser(t.dataSource, {
        email: 'later-staff@example.org',
        name: 'Lena Later',
        password: PASSWORD,
        programmeRole: 'officer',
      });
      const officer = await login(t.url, 'later-staff@example.org', PASSWORD);
      const preview = await request(t.url)
        .get(`/api/invitations/${token}`)
        .set('Authorization', `Bearer ${officer.token}`)
        .expect(200);
      expect(preview.body.change).toBeNull();
      const res = await request(t.url)
        .post('/api/invitations/accept')
        .set('Authorization', `Bearer ${officer.token}`)
        .send({ token, confirmChange: true })
        .expect(403);
      expect(res.body.code).toBe('invitation.staff_account');
      expect(await count(`memberships WHERE user_id = '${id}'`)).toBe(0);
    });
  });

  it('unknown and expired tokens answer 404', async () => {
    await request(t.url).get('/api/invitations/unknown-token').expect(404);
    await request(t.url)
      .post('/api/invitations/accept')
      .send({ token: 'unknown-token', password: 'long enough' })
      .expect(404);
    await invite(as.coordinator, {
      email: 'late@example.org',
      name: 'Late',
      role: 'viewer',
    }).expect(201);
    const token = await tokenMailedTo('late@example.org');
    await t.dataSource.query(
      "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.org'",
    );
    const res = await request(t.url).get(`/api/invitations/${token}`).expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
      code: 'not_found',
    });
    await request(t.url)
      .post('/api/invitations/accept')
      .send({ token, password: 'long enough' })
      .expect(404);
    expect(await count("users WHERE email = 'late@example.org'")).toBe(0);
  });

  it('refuses an acceptance sent from a foreign origin', async () => {
    await invite(as.coordinator, { email: 'origin@example.org', name: 'O', role: 'viewer' }).expect(
      201,
    );
    const token = await tokenMailedTo('origin@example.org');
    await request(t.url)
      .post('/api/invitations/accept')
      .set('Origin', 'https://evil.example')
      .send({ token, password: 'long enough' })
      .expect(403);
    await request(t.url).get(`/api/invitations/${token}`).expect(200);
  });

  it('needs the CSRF token when inviting with the session cookie', async () => {
    const body = { email: 'csrf@example.org', name: 'C', role: 'viewer' };
    const before = await count('invitations');
    await request(t.url)
      .post(`/api/pairings/${pairing.pairingId}/invitations`)
      .set('Cookie', as.coordinator.cookie)
      .send(body)
      .expect(403);
    expect(await count('invitations')).toBe(before);
  });
});

describe('invitations with SMTP configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 9: the SMTP transport is chosen, and sending fails.
    t = await startTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
  });
  afterAll(() => t.close());

  it('keeps no invitation whose mail could not be sent (503), and writes nothing to the outbox', async () => {
    const { pairingId } = await insertPairing(t.dataSource);
    await createUser(t.dataSource, {
      email: 'admin@example.org',
      name: 'Admin',
      password: PASSWORD,
      programmeRole: 'admin',
    });
    const admin = await login(t.url, 'admin@example.org', PASSWORD);
    const res = await request(t.url)
      .post(`/api/pairings/${pairingId}/invitations`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email: 'x@example.org', name: 'X', role: 'viewer' })
      .expect(503);
    expect(res.body.message).toContain('could not be sent');
    expect(await t.dataSource.query('SELECT id FROM invitations')).toEqual([]);
    expect(await t.dataSource.query('SELECT id FROM mail_outbox')).toEqual([]);
  });
});
