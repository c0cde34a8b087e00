import request from 'supertest';
import type { ChannelDto, MessagePageDto } from '@iuc/domain';
import { addMembership, createUser, login, type LoggedIn } from '../../test/auth-helpers.js';
import { insertPairing } from '../../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

const TOTAL = 100_000;

describe('channel history with 100,000 messages', () => {
  let t: TestApp;
  let reader: LoggedIn;
  let channel: ChannelDto;

  const page = async (query: string): Promise<{ body: MessagePageDto; ms: number }> => {
    const started = performance.now();
    const res = await request(t.url)
      .get(`/api/channels/${channel.id}/messages?${query}`)
      .set('Authorization', `Bearer ${reader.token}`)
      .expect(200);
    return { body: res.body, ms: performance.now() - started };
  };

  beforeAll(async () => {
    t = await startTestApp();
    const pairing = await insertPairing(t.dataSource);
    const writer = await createUser(t.dataSource, {
      email: 'writer@paging.test',
      name: 'Writer',
      password: 'correct horse battery',
    });
    const user = await createUser(t.dataSource, {
      email: 'reader@paging.test',
      name: 'Reader',
      password: 'correct horse battery',
    });
    await addMembership(t.dataSource, {
      userId: user.id,
      pairingId: pairing.pairingId,
      role: 'viewer',
    });
    reader = await login(t.url, 'reader@paging.test', 'correct horse battery');
    [channel] = (
      await request(t.url)
        .get(`/api/pairings/${pairing.pairingId}/channels`)
        .set('Authorization', `Bearer ${reader.token}`)
        .expect(200)
    ).body;
    // One message a second over ~28 hours, plus a few sharing a microsecond (ties broken by id), plus thread replies.
    await t.dataSource.query(
      `INSERT INTO messages (id, channel_id, author_id, body, created_at)
       SELECT gen_random_uuid(), $1, $2, 'message ' || i, timestamptz '2024-01-01' + i * interval '1 second'
         FROM generate_series(1, $3) AS i`,
      [channel.id, writer.id, TOTAL - 10],
    );
    await t.dataSource.query(
      `INSERT INTO messages (id, channel_id, author_id, body, created_at)
       SELECT gen_random_uuid(), $1, $2, 'tie ' || i, timestamptz '2024-01-01' + 500 * interval '1 second'
         FROM generate_series(1, 10) AS i`,
      [channel.id, writer.id],
    );
    await t.dataSource.query(
      `INSERT INTO messages (id, channel_id, author_id, parent_id, body, created_at)
       SELECT gen_random_uuid(), $1, $2, (SELECT id FROM messages WHERE body = 'message 1000'), 'reply ' || i,
              timestamptz '2024-01-01' + i * interval '1 second' + interval '1 millisecond'
         FROM generate_series(1, 1000) AS i`,
      [channel.id, writer.id],
    );
    await t.dataSource.query('ANALYZE messages');
  }, 120_000);
  afterAll(() => t.close());

  it('pages newest first without gaps or repeats, and every page is fast', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let last = Infinity;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { body, ms } = await page(`limit=100${cursor ? `&before=${cursor}` : ''}`);
      times.push(ms);
      for (const m of body.messages) {
        expect(seen.has(m.id)).toBe(false);
        seen.add(m.id);
        expect(Date.parse(m.createdAt)).toBeLessThanOrEqual(last);
        last = Date.parse(m.createdAt);
        expect(m.parentId).toBeNull();
      }
      cursor = body.nextCursor;
    }
    expect(seen.size).toBe(2_000);
    expect(Math.max(...times)).toBeLessThan(250);
  });

  it('reaches the oldest messages (deep cursor) as fast as the newest, ties included', async () => {
    const oldest = await page(
      `limit=100&after=${Buffer.from('0.00000000-0000-0000-0000-000000000000').toString('base64url')}`,
    );
    expect(oldest.body.messages[0].body).toBe('message 1');
    expect(oldest.ms).toBeLessThan(250);
    // Walk forward past the ten messages that share one microsecond: none lost, none twice, in order.
    const forward = [...oldest.body.messages];
    let cursor = oldest.body.nextCursor;
    for (let i = 0; i < 6 && cursor; i++) {
      const next = await page(`limit=100&after=${cursor}`);
      forward.push(...next.body.messages);
      cursor = next.body.nextCursor;
    }
    expect(new Set(forward.map((m) => m.id)).size).toBe(forward.length);
    expect(forward.map((m) => m.body).filter((b) => b.startsWith('tie '))).toHaveLength(10);
    const times = forward.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    // Before the oldest message there is nothing.
    const back = await page(`limit=3&before=${oldest.body.prevCursor}`);
    expect(back.body).toEqual({ messages: [], nextCursor: null, prevCursor: null });
  });

  it('uses the (channel, created_at, id) index for a deep page: no sort, no scan of the channel', async () => {
    const plan: { 'QUERY PLAN': string }[] = await t.dataSource.query(
      `EXPLAIN SELECT m.id FROM messages m WHERE m.channel_id = $1 AND m.parent_id IS NULL
         AND (m.created_at, m.id) < (timestamptz '2024-01-01' + interval '1000 seconds', '00000000-0000-0000-0000-000000000000'::uuid)
       ORDER BY m.created_at DESC, m.id DESC LIMIT 51`,
      [channel.id],
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index (Only )?Scan Backward using messages_channel_created_idx/);
    expect(text).not.toMatch(/Sort|Seq Scan/);
  });

  it('counts 100,000 unread messages in well under a second', async () => {
    const started = performance.now();
    const [listed] = (
      await request(t.url)
        .get(`/api/pairings/${channel.pairingId}/channels`)
        .set('Authorization', `Bearer ${reader.token}`)
        .expect(200)
    ).body;
    expect(listed.unread).toBe(TOTAL);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses cursors that are not ours', async () => {
    for (const bad of [
      'x',
      'bm9wZQ',
      Buffer.from("1.'; DROP TABLE messages; --").toString('base64url'),
    ])
      await request(t.url)
        .get(`/api/channels/${channel.id}/messages?before=${bad}`)
        .set('Authorization', `Bearer ${reader.token}`)
        .expect(400);
    await request(t.url)
      .get(`/api/channels/${channel.id}/messages?limit=101`)
      .set('Authorization', `Bearer ${reader.token}`)
      .expect(400);
    await request(t.url)
      .get(`/api/channels/${channel.id}/messages?before=a&after=b`)
      .set('Authorization', `Bearer ${reader.token}`)
      .expect(400);
  });
});
