import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addMembership, createUser, login } from '../test/auth-helpers.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { insertPairing } from '../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import type { DomainEvent, MentionEvent } from './domain-events.js';
import { EventBus } from './event-bus.js';
import { OutboxRelay } from './outbox-relay.js';
import { EventOutboxRepository } from './event-outbox.repository.js';

const PASSWORD = 'correct horse battery staple';

describe('the event outbox (real PostgreSQL, two API instances on one database)', () => {
  let db: TestDatabase;
  let first: TestApp;
  let mention: MentionEvent;
  let lucia: { id: string; email: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await startTestApp({}, { database: db });
    const { pairingId, euAuthorityId } = await insertPairing(first.dataSource);
    const author = await createUser(first.dataSource, {
      email: `author-${randomUUID()}@test.iuc`,
      name: 'Author',
      password: PASSWORD,
    });
    const mentioned = await createUser(first.dataSource, {
      email: `lucia-${randomUUID()}@test.iuc`,
      name: 'Lucía',
      password: PASSWORD,
    });
    await addMembership(first.dataSource, {
      userId: mentioned.id,
      pairingId,
      role: 'coordinator',
      authorityId: euAuthorityId,
    });
    lucia = mentioned;
    mention = {
      pairingId,
      channelId: randomUUID(),
      messageId: randomUUID(),
      parentId: null,
      actorId: author.id,
      excerpt: 'See the transport bureau',
      userIds: [mentioned.id],
    };
  });
  afterAll(async () => {
    await first?.close();
    await db.drop();
  });

  /** Commits an event to the outbox as a producer does, and delivers nothing. */
  const stageOnly = async (t: TestApp, payload: MentionEvent): Promise<string> =>
    t.dataSource.transaction(
      async (m) =>
        (await t.app.get(EventOutboxRepository).stage(m, [{ type: 'mention', payload }]))[0],
    );
  const notificationsOf = (t: TestApp, eventId: string) =>
    t.dataSource.query(
      'SELECT user_id, subject_id, payload FROM notifications WHERE event_id = $1',
      [eventId],
    );
  const outboxSize = async (t: TestApp) =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM event_outbox'))[0].n);

  it('delivers an event committed before a crash when an instance starts, and the notification is listed', async () => {
    const eventId = await stageOnly(first, mention);
    expect(await notificationsOf(first, eventId)).toEqual([]);
    // The instance stops before delivering; the next one to start delivers what it left.
    await first.close();
    first = await startTestApp({}, { database: db });
    expect(await outboxSize(first)).toBe(0);
    expect(await notificationsOf(first, eventId)).toEqual([
      {
        user_id: lucia.id,
        subject_id: mention.messageId,
        payload: { channelId: mention.channelId, parentId: null, excerpt: mention.excerpt },
      },
    ]);
    const session = await login(first.url, lucia.email, PASSWORD);
    const list = await request(first.url)
      .get('/api/notifications')
      .set('Authorization', `Bearer ${session.token}`)
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        kind: 'mention',
        messageId: mention.messageId,
        excerpt: mention.excerpt,
      }),
    ]);
  });

  it("writes an event's notification once, however often and on however many instances it is delivered", async () => {
    const second = await startTestApp({}, { database: db });
    try {
      const payload = { ...mention, messageId: randomUUID() };
      const eventId = await stageOnly(first, payload);
      const event: DomainEvent = { id: eventId, type: 'mention', payload };
      // A delivery whose subscribers ran but whose transaction never committed (a crash): the row stays.
      await first.app.get(EventBus).deliver(event);
      await first.app.get(EventBus).deliver(event);
      // Both instances deliver at once; each row is claimed by one of them (SKIP LOCKED).
      await Promise.all([
        first.app.get(OutboxRelay).deliverSoon(),
        second.app.get(OutboxRelay).deliverSoon(),
      ]);
      expect(await outboxSize(first)).toBe(0);
      expect(await notificationsOf(first, eventId)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
