import request from 'supertest';
import { createUser, login, type LoggedIn } from '../../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('admin: disable and enable accounts', () => {
  let t: TestApp;
  let admin: LoggedIn;
  let officer: LoggedIn;
  const password = 'a good long password';

  beforeAll(async () => {
    t = await startTestApp();
    await createUser(t.dataSource, {
      email: 'admin@example.org',
      name: 'Admin',
      password,
      programmeRole: 'admin',
    });
    await createUser(t.dataSource, {
      email: 'officer@example.org',
      name: 'Officer',
      password,
      programmeRole: 'officer',
    });
    admin = await login(t.url, 'admin@example.org', password);
    officer = await login(t.url, 'officer@example.org', password);
  });
  afterAll(() => t.close());

  const post = (who: LoggedIn, path: string) =>
    request(t.url).post(`/api/admin/users/${path}`).set('Authorization', `Bearer ${who.token}`);

  it("disabling ends the user's sessions at once; enabling lets them sign in again", async () => {
    const user = await createUser(t.dataSource, {
      email: 'pat@example.org',
      name: 'Pat',
      password,
    });
    const first = await login(t.url, 'pat@example.org', password);
    const second = await login(t.url, 'pat@example.org', password);
    await request(t.url).get('/api/me').set('Authorization', `Bearer ${first.token}`).expect(200);

    await post(admin, `${user.id}/disable`).expect(204);
    await request(t.url).get('/api/me').set('Authorization', `Bearer ${first.token}`).expect(401);
    await request(t.url).get('/api/me').set('Cookie', second.cookie).expect(401);
    expect(
      await t.dataSource.query('SELECT 1 FROM sessions WHERE user_id = $1', [user.id]),
    ).toEqual([]);
    await request(t.url)
      .post('/api/auth/login')
      .send({ email: 'pat@example.org', password })
      .expect(401);

    await post(admin, `${user.id}/enable`).expect(204);
    await login(t.url, 'pat@example.org', password);
  });

  it('a disabled user is refused even if a session row survived', async () => {
    const user = await createUser(t.dataSource, {
      email: 'sam@example.org',
      name: 'Sam',
      password,
    });
    const session = await login(t.url, 'sam@example.org', password);
    await t.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    await request(t.url).get('/api/me').set('Authorization', `Bearer ${session.token}`).expect(401);
  });

  it('only admins may do it (officers and members: 403, anonymous: 401)', async () => {
    const user = await createUser(t.dataSource, {
      email: 'lee@example.org',
      name: 'Lee',
      password,
    });
    const self = await login(t.url, 'lee@example.org', password);
    await post(officer, `${user.id}/disable`).expect(403);
    await post(self, `${user.id}/disable`).expect(403);
    await request(t.url).post(`/api/admin/users/${user.id}/disable`).expect(401);
    const [{ disabled_at }] = await t.dataSource.query(
      'SELECT disabled_at FROM users WHERE id = $1',
      [user.id],
    );
    expect(disabled_at).toBeNull();
  });

  it('answers 404 for an unknown user, 400 for a malformed id and for disabling oneself', async () => {
    await post(admin, '00000000-0000-4000-8000-000000000000/disable').expect(404);
    await post(admin, 'nope/disable').expect(400);
    const res = await post(admin, `${admin.user.id}/disable`).expect(400);
    expect(res.body.message).toBe('You cannot disable your own account.');
    await request(t.url).get('/api/me').set('Authorization', `Bearer ${admin.token}`).expect(200);
  });
});
