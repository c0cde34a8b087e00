import request from 'supertest';
import { createUser, login } from '../test/auth-helpers.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';
import { OutboxMailTransport } from './outbox-mail.transport.js';

describe('mail outbox', () => {
  let t: TestApp;
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
  });
  afterAll(() => t.close());

  it('without SMTP, mail goes to the outbox, which admins read newest first', async () => {
    const transport = t.app.get<MailTransport>(MAIL_TRANSPORT);
    expect(transport).toBeInstanceOf(OutboxMailTransport);
    await transport.send({ to: 'a@example.org', subject: 'First', text: 'one' });
    await transport.send({ to: 'b@example.org', subject: 'Second', text: 'two' });

    const admin = await login(t.url, 'admin@example.org', password);
    const res = await request(t.url)
      .get('/api/admin/outbox')
      .set('Authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(res.body).toEqual([
      {
        id: expect.any(String),
        to: 'b@example.org',
        subject: 'Second',
        text: 'two',
        createdAt: expect.any(String),
      },
      {
        id: expect.any(String),
        to: 'a@example.org',
        subject: 'First',
        text: 'one',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('is for admins only', async () => {
    const officer = await login(t.url, 'officer@example.org', password);
    await request(t.url)
      .get('/api/admin/outbox')
      .set('Authorization', `Bearer ${officer.token}`)
      .expect(403);
    await request(t.url).get('/api/admin/outbox').expect(401);
  });
});
