import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../database/migrations/index.js';
import { writeDefaultChannels } from '../discussions/channels/default-channels.repository.js';
import { createMissingPlans } from '../plans/documents/plan-provisioning.repository.js';
import { addMembership, createUser, login } from '../test/auth-helpers.js';
import { insertPairing } from '../test/pairing-fixture.js';
import { startTestApp } from '../test/test-app.js';

const PASSWORD = 'correct horse battery staple';
const GENERIC = MIGRATIONS.findIndex(
  (m) => m.name === 'GenericNotificationsAndOutbox1796200000000',
);

/** A database migrated up to (not including) the generic notifications. */
async function databaseBeforeGenericNotifications() {
  const name = `iuc_test_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: process.env.IUC_TEST_SERVER_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.IUC_TEST_SERVER_URL!);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations: MIGRATIONS.slice(0, GENERIC),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    dataSource,
    database: {
      url: url.toString(),
      drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    },
  };
}

describe('the generic notifications migration (real PostgreSQL)', () => {
  it('keeps every notification, its read state and what the API answers for it', async () => {
    const { dataSource, database } = await databaseBeforeGenericNotifications();
    try {
      const { pairingId, euAuthorityId } = await insertPairing(dataSource);
      const reader = await createUser(dataSource, {
        email: `reader-${randomUUID()}@test.iuc`,
        name: 'Reader',
        password: PASSWORD,
      });
      const actor = await createUser(dataSource, {
        email: `actor-${randomUUID()}@test.iuc`,
        name: 'Actor',
        password: PASSWORD,
      });
      await addMembership(dataSource, {
        userId: reader.id,
        pairingId,
        role: 'coordinator',
        authorityId: euAuthorityId,
      });
      await writeDefaultChannels(dataSource, [pairingId]);
      await createMissingPlans(dataSource, [pairingId]);
      const [channel] = await dataSource.query(
        "SELECT id FROM channels WHERE pairing_id = $1 AND kind = 'general'",
        [pairingId],
      );
      const [plan] = await dataSource.query(
        'SELECT id, title FROM plans WHERE pairing_id = $1 AND authority_id = $2',
        [pairingId, euAuthorityId],
      );
      const [root, reply] = [randomUUID(), randomUUID()];
      await dataSource.query(
        `INSERT INTO messages (id, channel_id, author_id, parent_id, body, created_at)
         VALUES ($1, $3, $4, NULL, 'Root', now()), ($2, $3, $4, $1, 'Hello @reader', now())`,
        [root, reply, channel.id, actor.id],
      );
      const [mention] = await dataSource.query(
        `INSERT INTO notifications (user_id, kind, pairing_id, channel_id, message_id, parent_id, actor_id, excerpt, created_at)
         VALUES ($1, 'mention', $2, $3, $4, $5, $6, 'Hello @reader', now() - interval '1 hour') RETURNING id, created_at`,
        [reader.id, pairingId, channel.id, reply, root, actor.id],
      );
      const [review] = await dataSource.query(
        `INSERT INTO notifications (user_id, kind, pairing_id, plan_id, plan_status, actor_id, excerpt, read_at)
         VALUES ($1, 'plan-review', $2, $3, 'changes_requested', $4, 'Add a budget', now()) RETURNING id, created_at, read_at`,
        [reader.id, pairingId, plan.id, actor.id],
      );
      await dataSource.destroy();

      const t = await startTestApp({}, { database });
      try {
        const session = await login(t.url, reader.email, PASSWORD);
        const list = await request(t.url)
          .get('/api/notifications')
          .set('Authorization', `Bearer ${session.token}`)
          .expect(200);
        expect(list.body).toEqual({
          items: [
            {
              id: review.id,
              kind: 'plan-review',
              pairingId,
              planId: plan.id,
              planTitle: plan.title,
              status: 'changes_requested',
              actor: { id: actor.id, name: 'Actor' },
              excerpt: 'Add a budget',
              createdAt: review.created_at.toISOString(),
              readAt: review.read_at.toISOString(),
            },
            {
              id: mention.id,
              kind: 'mention',
              pairingId,
              channelId: channel.id,
              messageId: reply,
              parentId: root,
              actor: { id: actor.id, name: 'Actor' },
              excerpt: 'Hello @reader',
              createdAt: mention.created_at.toISOString(),
              readAt: null,
            },
          ],
          unread: 1,
          nextCursor: null,
        });
      } finally {
        await t.close();
      }
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    }
  });
});
