import request from 'supertest';
import { io } from 'socket.io-client';
import type {
  AckError,
  ChannelDto,
  MessageAck,
  MessageDto,
  MessagePageDto,
  NotificationListDto,
  ThreadDto,
} from '@iuc/domain';
import { addMembership, createUser, login, type LoggedIn } from '../test/auth-helpers.js';
import {
  ask,
  closeAllDiscussionClients,
  collect,
  connectDiscussions,
  connectOutcome,
  next,
  sleep,
  type DiscussionsClient,
} from '../test/discussion-clients.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { DiscussionsService } from './discussions.service.js';
import { DiscussionsPolicy } from './discussions.policy.js';
import { MessagesRepository, type NewMessage } from './messages/messages.repository.js';
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';

const PASSWORD = 'correct horse battery';
const ORIGIN = 'http://localhost:3000';

type Who =
  | 'euCoordinator'
  | 'euEditor'
  | 'partnerEditor'
  | 'viewer'
  | 'late'
  | 'bMember'
  | 'officer'
  | 'leaver';

/** Messages one person may send at once before being limited (the default is 10). */
const MESSAGE_BURST = 40;
describe('discussions (REST + socket.io, one instance)', () => {
  let t: TestApp;
  let a: PairingFixture;
  let b: PairingFixture;
  const as = {} as Record<Who, LoggedIn>;
  const ids = {} as Record<Who, string>;
  let channelsA: ChannelDto[];
  let general: ChannelDto;
  let euTeam: ChannelDto;
  let partnerTeam: ChannelDto;
  let generalB: ChannelDto;

  const get = (path: string, who: Who) =>
    request(t.url).get(path).set('Authorization', `Bearer ${as[who].token}`);
  const post = (path: string, who: Who, body: object = {}) =>
    request(t.url).post(path).set('Authorization', `Bearer ${as[who].token}`).send(body);
  const connect = (who: Who) => connectDiscussions(t.url, { token: as[who].token });
  const countMessages = async (where = 'true', params: unknown[] = []) =>
    Number(
      (await t.dataSource.query(`SELECT count(*) AS n FROM messages WHERE ${where}`, params))[0].n,
    );
  const send = (socket: DiscussionsClient, channelId: string, body: string, extra: object = {}) =>
    ask<MessageAck>(socket, 'message:send', { channelId, body, ...extra });
  const sent = async (
    socket: DiscussionsClient,
    channelId: string,
    body: string,
    extra: object = {},
  ): Promise<MessageDto> => {
    const ack = await send(socket, channelId, body, extra);
    if (!ack.ok) throw new Error(`send refused: ${ack.code} ${ack.error}`);
    return ack.message;
  };
  const joined = async (who: Who, channelId: string) => {
    const socket = await connect(who);
    const ack = await ask<{ ok: boolean }>(socket, 'channel:join', { channelId });
    expect(ack).toMatchObject({ ok: true });
    return socket;
  };

  beforeAll(async () => {
    // Budgets are per person for the whole file (not per socket): room for every test's messages.
    // The discussions limits are read from the process environment.
    process.env.DISCUSSIONS_MESSAGE_BURST = String(MESSAGE_BURST);
    t = await startTestApp();
    delete process.env.DISCUSSIONS_MESSAGE_BURST;
    a = await insertPairing(t.dataSource, { eu: 'Málaga', partner: 'Jingyue' });
    b = await insertPairing(t.dataSource, { eu: 'Torino', partner: 'Baltimore' });
    const people: [
      Who,
      string,
      PairingFixture | null,
      'coordinator' | 'editor' | 'viewer' | null,
      'eu' | 'partner' | null,
      ('officer' | null)?,
    ][] = [
      ['euCoordinator', 'Lucía Ortega', a, 'coordinator', 'eu'],
      ['euEditor', 'Pablo Herrero', a, 'editor', 'eu'],
      ['partnerEditor', 'Wang Li', a, 'editor', 'partner'],
      ['viewer', 'Vera Viewer', a, 'viewer', null],
      ['late', 'Late Comer', a, 'editor', 'partner'],
      ['leaver', 'Leo Leaver', a, 'editor', 'eu'],
      ['bMember', 'Marco Ferraris', b, 'coordinator', 'eu'],
      ['officer', 'Olga Officer', null, null, null, 'officer'],
    ];
    await Promise.all(
      people.map(async ([who, name, pairing, role, side, programmeRole]) => {
        const email = `${who.toLowerCase()}@discussions.test`;
        const user = await createUser(t.dataSource, {
          email,
          name,
          password: PASSWORD,
          programmeRole: programmeRole ?? null,
        });
        ids[who] = user.id;
        if (pairing && role) {
          const authorityId =
            side === 'eu'
              ? pairing.euAuthorityId
              : side === 'partner'
                ? pairing.partnerAuthorityId
                : null;
          await addMembership(t.dataSource, {
            userId: user.id,
            pairingId: pairing.pairingId,
            role,
            authorityId,
          });
        }
        as[who] = await login(t.url, email, PASSWORD);
      }),
    );
    channelsA = (await get(`/api/pairings/${a.pairingId}/channels`, 'officer').expect(200)).body;
    general = channelsA.find((c) => c.kind === 'general')!;
    euTeam = channelsA.find((c) => c.kind === 'city' && c.side === 'eu')!;
    partnerTeam = channelsA.find((c) => c.kind === 'city' && c.side === 'partner')!;
    generalB = (
      await get(`/api/pairings/${b.pairingId}/channels`, 'bMember').expect(200)
    ).body.find((c: ChannelDto) => c.kind === 'general');
  });

  afterEach(() => closeAllDiscussionClients());
  afterAll(() => t.close());

  describe('channels', () => {
    it('every pairing has a general channel and one city-internal channel per side', () => {
      expect(channelsA.map((c) => [c.kind, c.side, c.name])).toEqual([
        ['general', null, 'General'],
        ['city', 'eu', 'Málaga team'],
        ['city', 'partner', 'Jingyue team'],
      ]);
      expect(general).toMatchObject({
        pairingId: a.pairingId,
        unread: 0,
        archived: false,
        canPost: true,
        canManage: false,
      });
    });

    it('a member sees the general channel and their own side’s channel only; a viewer only the general one', async () => {
      const names = async (who: Who) =>
        (await get(`/api/pairings/${a.pairingId}/channels`, who).expect(200)).body.map(
          (c: ChannelDto) => c.name,
        );
      expect(await names('euEditor')).toEqual(['General', 'Málaga team']);
      expect(await names('partnerEditor')).toEqual(['General', 'Jingyue team']);
      expect(await names('viewer')).toEqual(['General']);
    });

    it('refuses the channel list of another pairing (403) and of an unknown one (404)', async () => {
      await get(`/api/pairings/${a.pairingId}/channels`, 'bMember').expect(403);
      await get('/api/pairings/00000000-0000-4000-8000-000000000000/channels', 'bMember').expect(
        404,
      );
      await get('/api/pairings/not-a-uuid/channels', 'bMember').expect(404);
    });

    it('coordinators create topic channels; editors may not; names are unique per pairing; ensureDefaultChannels is idempotent', async () => {
      const created = await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', {
        name: '  Cycling lanes ',
      }).expect(201);
      expect(created.body).toMatchObject({
        name: 'Cycling lanes',
        kind: 'topic',
        side: null,
        canManage: true,
        canPost: true,
      });
      await post(`/api/pairings/${a.pairingId}/channels`, 'euEditor', { name: 'Mine' }).expect(403);
      await post(`/api/pairings/${a.pairingId}/channels`, 'partnerEditor', {
        name: 'cycling LANES',
      }).expect(403);
      await post(`/api/pairings/${a.pairingId}/channels`, 'officer', {
        name: 'cycling LANES',
      }).expect(409);
      await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', { name: '' }).expect(
        400,
      );
      await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', {
        name: 'x'.repeat(81),
      }).expect(400);
      await post(`/api/pairings/${b.pairingId}/channels`, 'euCoordinator', {
        name: 'Sneaky',
      }).expect(403);
      await t.app.get(DiscussionsService).ensureDefaultChannels(a.pairingId);
      const list = (await get(`/api/pairings/${a.pairingId}/channels`, 'viewer').expect(200))
        .body as ChannelDto[];
      expect(list.map((c) => c.name)).toEqual(['General', 'Cycling lanes']);
    });

    it('an archived topic channel can be read but not written to', async () => {
      const topic = (
        await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', {
          name: 'Old topic',
        }).expect(201)
      ).body as ChannelDto;
      const socket = await joined('euEditor', topic.id);
      await sent(socket, topic.id, 'before archiving');
      await request(t.url)
        .patch(`/api/channels/${topic.id}`)
        .set('Authorization', `Bearer ${as.euEditor.token}`)
        .send({ archived: true })
        .expect(403);
      const announced = next(socket, 'channel:updated');
      const patched = await request(t.url)
        .patch(`/api/channels/${topic.id}`)
        .set('Authorization', `Bearer ${as.euCoordinator.token}`)
        .send({ archived: true })
        .expect(200);
      expect(patched.body).toMatchObject({ archived: true, canPost: false });
      expect(await announced).toEqual({
        id: topic.id,
        pairingId: a.pairingId,
        name: 'Old topic',
        kind: 'topic',
        side: null,
        archived: true,
      });
      const refused = await send(socket, topic.id, 'after archiving');
      expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await countMessages('channel_id = $1', [topic.id])).toBe(1);
      const history = (await get(`/api/channels/${topic.id}/messages`, 'euEditor').expect(200))
        .body as MessagePageDto;
      expect(history.messages.map((m) => m.body)).toEqual(['before archiving']);
    });

    it('the batch insert refuses messages for a channel archived after authorisation, with or without replies in the batch', async () => {
      // The race the socket's access check cannot see: the statement itself re-checks the channel.
      const messages = t.app.get(MessagesRepository);
      const open = (
        await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', {
          name: 'Open topic',
        }).expect(201)
      ).body as ChannelDto;
      const closing = (
        await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', {
          name: 'Closing topic',
        }).expect(201)
      ).body as ChannelDto;
      const socket = await joined('euEditor', open.id);
      const root = await sent(socket, open.id, 'thread root');
      await t.dataSource.query('UPDATE channels SET archived_at = now() WHERE id = $1', [
        closing.id,
      ]);
      let micros = BigInt(Date.now()) * 1000n;
      const message = (channelId: string, parentId: string | null = null): NewMessage => ({
        id: randomUUID(),
        channelId,
        authorId: ids.euEditor,
        parentId,
        body: 'batched',
        mentionIds: [],
        createdMicros: micros++,
      });
      // Top-level only (the plain INSERT).
      const topLevel = [message(open.id), message(closing.id)];
      expect(await messages.insertBatch(topLevel)).toEqual(['saved', 'archived']);
      // With a reply (the statement that also checks threads and moves their counters).
      const mixed = [
        message(open.id, root.id),
        message(closing.id),
        message(open.id, randomUUID()),
      ];
      expect(await messages.insertBatch(mixed)).toEqual(['saved', 'archived', 'no_thread']);
      expect(await countMessages('channel_id = $1', [closing.id])).toBe(0);
      expect(await countMessages('id = ANY($1::uuid[])', [[topLevel[0].id, mixed[0].id]])).toBe(2);
      const [{ reply_count }] = await t.dataSource.query(
        'SELECT reply_count FROM messages WHERE id = $1',
        [root.id],
      );
      expect(reply_count).toBe(1);
    });
  });

  describe('live messages', () => {
    it('two members exchange messages live; the message is in PostgreSQL; a member joining later sees it in history', async () => {
      const lucia = await joined('euCoordinator', general.id);
      const wang = await joined('partnerEditor', general.id);
      const toWang = next(wang, 'message:new', (m) => m.body === 'Hola, Jingyue!');
      const hello = await sent(lucia, general.id, 'Hola, Jingyue!');
      expect(hello).toMatchObject({
        channelId: general.id,
        parentId: null,
        author: { id: ids.euCoordinator, name: 'Lucía Ortega' },
        body: 'Hola, Jingyue!',
        editedAt: null,
        deletedAt: null,
        reactions: [],
      });
      expect(await toWang).toEqual(hello);

      const toLucia = next(lucia, 'message:new', (m) => m.body === '你好, Málaga');
      const reply = await sent(wang, general.id, '你好, Málaga');
      expect(await toLucia).toEqual(reply);

      const [row] = await t.dataSource.query(
        'SELECT channel_id, author_id, body, created_at FROM messages WHERE id = $1',
        [hello.id],
      );
      expect(row).toMatchObject({
        channel_id: general.id,
        author_id: ids.euCoordinator,
        body: 'Hola, Jingyue!',
      });
      expect(new Date(row.created_at).toISOString()).toBe(hello.createdAt);

      const page = (await get(`/api/channels/${general.id}/messages`, 'late').expect(200))
        .body as MessagePageDto;
      const bodies = page.messages.map((m) => m.body);
      expect(bodies.indexOf('你好, Málaga')).toBeLessThan(bodies.indexOf('Hola, Jingyue!'));
      expect(page.messages.find((m) => m.id === hello.id)).toEqual(hello);
    });

    it('ignores a spoofed author, time or id: they come from the server', async () => {
      const socket = await joined('euEditor', general.id);
      const ack = await send(socket, general.id, 'I am who I am', {
        author: { id: ids.euCoordinator, name: 'Lucía Ortega' },
        authorId: ids.euCoordinator,
        createdAt: '2001-01-01T00:00:00.000Z',
        id: '11111111-1111-4111-8111-111111111111',
      });
      if (!ack.ok) throw new Error(ack.error);
      expect(ack.message.author).toEqual({ id: ids.euEditor, name: 'Pablo Herrero' });
      expect(ack.message.id).not.toBe('11111111-1111-4111-8111-111111111111');
      expect(Date.now() - Date.parse(ack.message.createdAt)).toBeLessThan(10_000);
      const [row] = await t.dataSource.query('SELECT author_id FROM messages WHERE id = $1', [
        ack.message.id,
      ]);
      expect(row.author_id).toBe(ids.euEditor);
    });

    it('stores plain text as sent (markdown, HTML-looking text) and answers JSON, never HTML', async () => {
      const socket = await joined('euEditor', general.id);
      const body =
        '**bold** and a [link](https://example.org)\n- one\n- two\n<script>alert(1)</script>';
      const message = await sent(socket, general.id, `${body}\r\n  `);
      expect(message.body).toBe(body);
      const res = await get(`/api/channels/${general.id}/messages?limit=1`, 'euEditor').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.messages[0].body).toBe(body);
    });

    it('threads: replies carry the parent, are paged oldest first, and count on the first message', async () => {
      const lucia = await joined('euCoordinator', general.id);
      const wang = await joined('partnerEditor', general.id);
      const root = await sent(lucia, general.id, 'Shall we meet in March?');
      const heard = next(lucia, 'message:new', (m) => m.parentId === root.id);
      const r1 = await sent(wang, general.id, 'Yes, 12 March works', { parentId: root.id });
      expect(await heard).toEqual(r1);
      await sent(lucia, general.id, 'Great', { parentId: root.id });
      expect(await send(lucia, general.id, 'nested', { parentId: r1.id })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      const topic = (
        await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', {
          name: 'Thread elsewhere',
        }).expect(201)
      ).body;
      expect(await send(lucia, topic.id, 'cross-channel', { parentId: root.id })).toMatchObject({
        ok: false,
        code: 'not_found',
      });

      const thread = (await get(`/api/messages/${root.id}/replies?limit=1`, 'late').expect(200))
        .body as ThreadDto;
      expect(thread.root).toMatchObject({ id: root.id, replyCount: 2 });
      expect(thread.replies.messages.map((m) => m.body)).toEqual(['Yes, 12 March works']);
      const rest = (
        await get(
          `/api/messages/${root.id}/replies?after=${thread.replies.nextCursor}`,
          'late',
        ).expect(200)
      ).body as ThreadDto;
      expect(rest.replies).toMatchObject({ nextCursor: null });
      expect(rest.replies.messages.map((m) => m.body)).toEqual(['Great']);
      // Replies stay out of the channel's history.
      const page = (await get(`/api/channels/${general.id}/messages?limit=5`, 'late').expect(200))
        .body as MessagePageDto;
      expect(page.messages.map((m) => m.body)).not.toContain('Great');
      await get(`/api/messages/${root.id}/replies`, 'bMember').expect(404);
    });

    it('edit and delete one’s own message: others see edited / deleted; the old text is kept as a revision', async () => {
      const lucia = await joined('euCoordinator', general.id);
      const wang = await joined('partnerEditor', general.id);
      const message = await sent(lucia, general.id, 'Meeting at 10');
      expect(
        await ask(wang, 'message:edit', { messageId: message.id, body: 'not mine' }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await ask(wang, 'message:delete', { messageId: message.id })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });

      const updated = next(wang, 'message:updated', (m) => m.id === message.id);
      const edit = await ask<MessageAck>(lucia, 'message:edit', {
        messageId: message.id,
        body: 'Meeting at 11',
      });
      expect(edit).toMatchObject({
        ok: true,
        message: { id: message.id, body: 'Meeting at 11', editedAt: expect.any(String) },
      });
      expect(await updated).toMatchObject({
        id: message.id,
        body: 'Meeting at 11',
        editedAt: expect.any(String),
      });

      const deleted = next(wang, 'message:deleted', (m) => m.id === message.id);
      expect(await ask(lucia, 'message:delete', { messageId: message.id })).toMatchObject({
        ok: true,
        message: { id: message.id, body: '', deletedAt: expect.any(String) },
      });
      expect(await deleted).toMatchObject({
        id: message.id,
        channelId: general.id,
        deletedAt: expect.any(String),
      });
      expect(
        await ask(lucia, 'message:edit', { messageId: message.id, body: 'again' }),
      ).toMatchObject({ ok: false, code: 'not_found' });

      const page = (await get(`/api/channels/${general.id}/messages?limit=10`, 'late').expect(200))
        .body as MessagePageDto;
      expect(page.messages.find((m) => m.id === message.id)).toMatchObject({
        body: '',
        deletedAt: expect.any(String),
        editedAt: expect.any(String),
      });
      const revisions = await t.dataSource.query(
        'SELECT kind, body FROM message_revisions WHERE message_id = $1 ORDER BY id',
        [message.id],
      );
      expect(revisions).toEqual([
        { kind: 'edit', body: 'Meeting at 10' },
        { kind: 'delete', body: 'Meeting at 11' },
      ]);
    });

    it('reactions toggle, reach the others live, and show in history with "mine"', async () => {
      const lucia = await joined('euCoordinator', general.id);
      const wang = await joined('partnerEditor', general.id);
      const message = await sent(lucia, general.id, 'React to me');
      const heard = next(lucia, 'message:reaction', (r) => r.messageId === message.id);
      expect(
        await ask(wang, 'reaction:toggle', { messageId: message.id, emoji: '👍🏽' }),
      ).toMatchObject({
        ok: true,
        reaction: {
          messageId: message.id,
          emoji: '👍🏽',
          added: true,
          count: 1,
          user: { id: ids.partnerEditor },
        },
      });
      expect(await heard).toMatchObject({ emoji: '👍🏽', added: true, count: 1 });
      await ask(lucia, 'reaction:toggle', { messageId: message.id, emoji: '👍🏽' });
      await ask(lucia, 'reaction:toggle', { messageId: message.id, emoji: ':tada:' });
      const mineFor = async (who: Who) =>
        (
          (await get(`/api/channels/${general.id}/messages?limit=5`, who).expect(200))
            .body as MessagePageDto
        ).messages.find((m) => m.id === message.id)!.reactions;
      expect(await mineFor('partnerEditor')).toEqual([
        { emoji: '👍🏽', count: 2, mine: true },
        { emoji: ':tada:', count: 1, mine: false },
      ]);
      expect(
        await ask(wang, 'reaction:toggle', { messageId: message.id, emoji: '👍🏽' }),
      ).toMatchObject({ ok: true, reaction: { added: false, count: 1 } });
      expect(await mineFor('partnerEditor')).toEqual([
        { emoji: '👍🏽', count: 1, mine: false },
        { emoji: ':tada:', count: 1, mine: false },
      ]);
      for (const emoji of ['', 'abc', '<b>', '👍👍👍'.repeat(20), ':Nope:'])
        expect(await ask(wang, 'reaction:toggle', { messageId: message.id, emoji })).toMatchObject({
          ok: false,
          code: 'invalid',
        });
    });

    it('presence and typing reach the others in the channel', async () => {
      const lucia = await joined('euCoordinator', general.id);
      const online = next(lucia, 'presence', (p) => p.user.id === ids.partnerEditor && p.online);
      const wang = await connect('partnerEditor');
      const join = await ask<{ ok: true; online: { id: string }[] }>(wang, 'channel:join', {
        channelId: general.id,
      });
      expect(join.online.map((u) => u.id).sort()).toEqual(
        [ids.euCoordinator, ids.partnerEditor].sort(),
      );
      expect(await online).toEqual({
        channelId: general.id,
        user: { id: ids.partnerEditor, name: 'Wang Li' },
        online: true,
      });

      const typing = next(lucia, 'typing');
      expect(await ask(wang, 'typing', { channelId: general.id })).toEqual({ ok: true });
      expect(await typing).toEqual({
        channelId: general.id,
        user: { id: ids.partnerEditor, name: 'Wang Li' },
      });

      const offline = next(lucia, 'presence', (p) => p.user.id === ids.partnerEditor && !p.online);
      wang.close();
      expect(await offline).toMatchObject({ channelId: general.id, online: false });
    });
  });

  describe('nobody can eavesdrop', () => {
    it('a member of pairing B can neither join, read, write to nor page pairing A’s channels (socket and REST)', async () => {
      const lucia = await joined('euCoordinator', general.id);
      const victim = await sent(lucia, general.id, 'Only for pairing A');
      const marco = await connect('bMember');
      const heard = collect(marco, 'message:new');
      const before = await countMessages();

      for (const channelId of [general.id, euTeam.id, partnerTeam.id]) {
        expect(await ask(marco, 'channel:join', { channelId })).toMatchObject({
          ok: false,
          code: 'not_found',
        });
        expect(await send(marco, channelId, 'let me in')).toMatchObject({
          ok: false,
          code: 'not_found',
        });
        expect(await ask(marco, 'typing', { channelId })).toMatchObject({
          ok: false,
          code: 'not_found',
        });
        await get(`/api/channels/${channelId}/messages`, 'bMember').expect(404);
        await get(`/api/channels/${channelId}/members`, 'bMember').expect(404);
        await post(`/api/channels/${channelId}/read`, 'bMember').expect(404);
      }
      expect(await send(marco, general.id, 'reply', { parentId: victim.id })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      expect(await ask(marco, 'message:edit', { messageId: victim.id, body: 'x' })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      expect(await ask(marco, 'message:delete', { messageId: victim.id })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      expect(
        await ask(marco, 'reaction:toggle', { messageId: victim.id, emoji: '👀' }),
      ).toMatchObject({ ok: false, code: 'not_found' });
      await get(`/api/messages/${victim.id}/replies`, 'bMember').expect(404);
      // Same answer as for channels that do not exist.
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(await ask(marco, 'channel:join', { channelId: unknown })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      await get(`/api/channels/${unknown}/messages`, 'bMember').expect(404);

      await sent(lucia, general.id, 'Still only for pairing A');
      await sleep(200);
      expect(heard).toEqual([]);
      expect(await countMessages()).toBe(before + 1);
      // B's own channel works for B.
      expect(await ask(marco, 'channel:join', { channelId: generalB.id })).toMatchObject({
        ok: true,
      });
    });

    it('a city-internal channel is closed to the other side and to viewers, open to programme staff', async () => {
      const wang = await connect('partnerEditor');
      expect(await ask(wang, 'channel:join', { channelId: euTeam.id })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      expect(await send(wang, euTeam.id, 'peek')).toMatchObject({ ok: false, code: 'not_found' });
      await get(`/api/channels/${euTeam.id}/messages`, 'viewer').expect(404);
      const officer = await connect('officer');
      expect(await ask(officer, 'channel:join', { channelId: euTeam.id })).toMatchObject({
        ok: true,
      });
      const pablo = await joined('euEditor', euTeam.id);
      await sent(pablo, euTeam.id, 'Internal note');
      await get(`/api/channels/${euTeam.id}/messages`, 'officer').expect(200);
    });

    it('no anonymous socket; a foreign Origin is refused; the cookie only from our own origin', async () => {
      expect(await connectOutcome(t.url, {})).toMatch(/Sign in first/);
      expect(await connectOutcome(t.url, { token: 'not-a-session' })).toMatch(
        /missing, expired or ended/,
      );
      expect(
        await connectOutcome(t.url, { token: as.euEditor.token, origin: 'https://evil.example' }),
      ).not.toBe('connected');
      expect(await connectOutcome(t.url, { cookie: as.euEditor.cookie })).toMatch(/own pages/);
      expect(await connectOutcome(t.url, { cookie: as.euEditor.cookie, origin: ORIGIN })).toBe(
        'connected',
      );
      expect(await connectOutcome(t.url, { token: as.euEditor.token, origin: ORIGIN })).toBe(
        'connected',
      );
      // Nothing listens on the main namespace, and unknown namespaces do not exist.
      for (const ns of ['', '/nope']) {
        const socket = io(`${t.url}${ns}`, {
          transports: ['websocket'],
          auth: { token: as.euEditor.token },
          reconnection: false,
          forceNew: true,
        });
        const outcome = await new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', (err) => resolve(err.message));
          setTimeout(() => resolve('timeout'), 3_000);
        });
        socket.close();
        expect(outcome).toMatch(/namespace/i);
      }
      // The polling handshake of a foreign page is refused before any socket exists.
      const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, {
        headers: { origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
    });

    it('a member removed from the pairing leaves every room within seconds; further events are refused', async () => {
      const leo = await connect('leaver');
      for (const channelId of [general.id, euTeam.id])
        expect(await ask(leo, 'channel:join', { channelId })).toMatchObject({ ok: true });
      const lucia = await joined('euCoordinator', general.id);
      const revoked = collect(leo, 'channel:revoked');
      const heard = collect(leo, 'message:new');
      await t.dataSource.query('DELETE FROM memberships WHERE user_id = $1 AND pairing_id = $2', [
        ids.leaver,
        a.pairingId,
      ]);
      const started = Date.now();
      while (revoked.length < 2 && Date.now() - started < 6_000) await sleep(50);
      expect(revoked.map((r) => r.channelId).sort()).toEqual([general.id, euTeam.id].sort());
      await sent(lucia, general.id, 'After Leo left');
      expect(await send(leo, general.id, 'still here?')).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      expect(await ask(leo, 'channel:join', { channelId: general.id })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
      await sleep(200);
      expect(heard).toEqual([]);
      expect(await countMessages('author_id = $1', [ids.leaver])).toBe(0);
      await addMembership(t.dataSource, {
        userId: ids.leaver,
        pairingId: a.pairingId,
        role: 'editor',
        authorityId: a.euAuthorityId,
      });
    });

    it('the periodic check asks nothing again while nothing that grants access changes', async () => {
      const leo = await joined('leaver', general.id);
      const policy = t.app.get(DiscussionsPolicy);
      await sleep(2_500); // the first sweep after connecting decides the session once
      const asked = jest.spyOn(policy, 'liveSessions');
      try {
        await sleep(4_500); // two more sweeps
        expect(asked).not.toHaveBeenCalled();
        // Someone else's membership changes: the access epoch moves and open connections are decided again.
        await t.dataSource.query('UPDATE memberships SET role = role WHERE user_id = $1', [
          ids.euEditor,
        ]);
        const started = Date.now();
        while (asked.mock.calls.length === 0 && Date.now() - started < 5_000) await sleep(50);
        expect(asked).toHaveBeenCalled();
        expect(leo.connected).toBe(true);
      } finally {
        asked.mockRestore();
      }
    });

    it('revokeAccess takes effect at once (no waiting for the periodic check)', async () => {
      const leo = await joined('leaver', general.id);
      await t.dataSource.query('DELETE FROM memberships WHERE user_id = $1 AND pairing_id = $2', [
        ids.leaver,
        a.pairingId,
      ]);
      const revoked = next(leo, 'channel:revoked', undefined, 1_500);
      await t.app.get(DiscussionsService).revokeAccess([ids.leaver]);
      expect(await revoked).toEqual({ channelId: general.id });
      expect(await send(leo, general.id, 'nope')).toMatchObject({ ok: false, code: 'not_found' });
      await addMembership(t.dataSource, {
        userId: ids.leaver,
        pairingId: a.pairingId,
        role: 'editor',
        authorityId: a.euAuthorityId,
      });
    });

    it('an ended session or a disabled account disconnects its sockets', async () => {
      const session = await login(t.url, 'leaver@discussions.test', PASSWORD);
      const socket = await connectDiscussions(t.url, { token: session.token });
      const gone = new Promise<string>((resolve) =>
        socket.once('disconnect', (reason) => resolve(reason)),
      );
      await request(t.url)
        .post('/api/auth/logout')
        .set('Authorization', `Bearer ${session.token}`)
        .expect((r) => expect(r.status).toBeLessThan(300));
      expect(await gone).toBe('io server disconnect');

      // A disabled account too.
      const again = await connectDiscussions(t.url, { token: as.leaver.token });
      const cut = new Promise<string>((resolve) =>
        again.once('disconnect', (reason) => resolve(reason)),
      );
      await t.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [ids.leaver]);
      try {
        expect(await cut).toBe('io server disconnect');
      } finally {
        await t.dataSource.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [ids.leaver]);
      }
    });
  });

  describe('hostile input', () => {
    it('an 8 KB+ body and invalid payloads get error acks and write nothing', async () => {
      const socket = await joined('euEditor', general.id);
      const before = await countMessages();
      const cases: [unknown[], AckError['code']][] = [
        [[{ channelId: general.id, body: 'x'.repeat(8 * 1024 + 1) }], 'too_large'],
        [[{ channelId: general.id, body: '€'.repeat(3000) }], 'too_large'],
        [[{ channelId: general.id }], 'invalid'],
        [[{ channelId: general.id, body: 42 }], 'invalid'],
        [[{ channelId: general.id, body: '   \n ' }], 'invalid'],
        [[{ channelId: general.id, body: 'nul \u0000 byte' }], 'invalid'],
        // An unpaired surrogate (half an emoji) was an 'internal' error.
        [[{ channelId: general.id, body: 'half \ud83d an emoji' }], 'invalid'],
        [[{ channelId: 'general', body: 'hi' }], 'invalid'],
        [[{ channelId: general.id, body: 'hi', parentId: 'nope' }], 'invalid'],
        [['just a string'], 'invalid'],
        [[[general.id, 'hi']], 'invalid'],
        [[null], 'invalid'],
        [[{ channelId: general.id, body: 'two' }, 'extra argument'], 'invalid'],
      ];
      for (const [args, code] of cases)
        expect(await ask(socket, 'message:send', ...args)).toMatchObject({
          ok: false,
          code,
          error: expect.any(String),
        });
      for (const event of [
        'channel:join',
        'message:edit',
        'message:delete',
        'reaction:toggle',
        'typing',
      ])
        expect(await ask(socket, event, { nonsense: true })).toMatchObject({
          ok: false,
          code: 'invalid',
        });
      expect(await countMessages()).toBe(before);
      // Exactly at the limit is fine.
      expect(await send(socket, general.id, 'x'.repeat(8 * 1024))).toMatchObject({ ok: true });
      // The socket still works after all that.
      expect(await send(socket, general.id, 'still alive')).toMatchObject({ ok: true });
    });

    it('a flood gets rate-limit acks and writes nothing beyond the limit; others are not slowed down', async () => {
      const flooder = await joined('euEditor', general.id);
      const lucia = await joined('euCoordinator', general.id);
      const wang = await joined('partnerEditor', general.id);
      const before = await countMessages('author_id = $1', [ids.euEditor]);
      const flood = Array.from({ length: 300 }, (_, i) => send(flooder, general.id, `flood ${i}`));
      const started = Date.now();
      const heard = next(wang, 'message:new', (m) => m.body === 'normal traffic');
      expect(await send(lucia, general.id, 'normal traffic')).toMatchObject({ ok: true });
      await heard;
      const others = Date.now() - started;
      const acks = await Promise.all(flood);
      const accepted = acks.filter((x) => x.ok).length;
      const limited = acks.filter((x) => !x.ok && x.code === 'rate_limited').length;
      expect(accepted + limited).toBe(300);
      // The burst, and what refills (5 a second) while the flood is taken.
      expect(accepted).toBeLessThanOrEqual(MESSAGE_BURST + 2);
      expect(limited).toBeGreaterThanOrEqual(300 - MESSAGE_BURST - 2);
      expect(await countMessages('author_id = $1', [ids.euEditor])).toBe(before + accepted);
      expect(others).toBeLessThan(2_000);
    });
  });

  describe('unread counts, read positions, mentions', () => {
    it('unread counts and read positions agree across two sessions of one person; jump to first unread', async () => {
      const topic = (
        await post(`/api/pairings/${a.pairingId}/channels`, 'euCoordinator', {
          name: 'Unread test',
        }).expect(201)
      ).body as ChannelDto;
      const second = await login(t.url, 'partnereditor@discussions.test', PASSWORD);
      const secondSocket = await connectDiscussions(t.url, { token: second.token });
      const lucia = await joined('euCoordinator', topic.id);
      const m1 = await sent(lucia, topic.id, 'one');
      const m2 = await sent(lucia, topic.id, 'two');
      const m3 = await sent(lucia, topic.id, 'three');
      const channelFor = async (token: string) =>
        (
          (
            await request(t.url)
              .get(`/api/pairings/${a.pairingId}/channels`)
              .set('Authorization', `Bearer ${token}`)
              .expect(200)
          ).body as ChannelDto[]
        ).find((c) => c.id === topic.id)!;
      expect(await channelFor(as.partnerEditor.token)).toMatchObject({
        unread: 3,
        firstUnreadId: m1.id,
      });
      expect(await channelFor(second.token)).toMatchObject({ unread: 3, firstUnreadId: m1.id });
      // The author's own messages are not unread for them.
      expect(await channelFor(as.euCoordinator.token)).toMatchObject({
        unread: 0,
        firstUnreadId: null,
      });

      const pushed = next(secondSocket, 'channel:read', (s) => s.channelId === topic.id);
      const marked = await post(`/api/channels/${topic.id}/read`, 'partnerEditor', {
        messageId: m2.id,
      }).expect(200);
      expect(marked.body).toMatchObject({ channelId: topic.id, unread: 1, firstUnreadId: m3.id });
      expect(await pushed).toEqual(marked.body);
      const state = await channelFor(second.token);
      expect(state).toMatchObject({ unread: 1, firstUnreadId: m3.id });
      // Jump to the first unread: ?after=<readCursor> starts there.
      const unreadPage = (
        await request(t.url)
          .get(`/api/channels/${topic.id}/messages?after=${state.readCursor}`)
          .set('Authorization', `Bearer ${second.token}`)
          .expect(200)
      ).body as MessagePageDto;
      expect(unreadPage.messages.map((m) => m.body)).toEqual(['three']);
      const above = (
        await get(
          `/api/channels/${topic.id}/messages?before=${unreadPage.prevCursor}`,
          'partnerEditor',
        ).expect(200)
      ).body as MessagePageDto;
      expect(above.messages.map((m) => m.body)).toEqual(['two', 'one']);
      // The read position never moves back.
      await post(`/api/channels/${topic.id}/read`, 'partnerEditor', { messageId: m1.id }).expect(
        200,
      );
      expect(await channelFor(second.token)).toMatchObject({ unread: 1 });
      // Without a message id: everything read.
      await request(t.url)
        .post(`/api/channels/${topic.id}/read`)
        .set('Authorization', `Bearer ${second.token}`)
        .send({})
        .expect(200);
      expect(await channelFor(as.partnerEditor.token)).toMatchObject({
        unread: 0,
        firstUnreadId: null,
      });
      // A deleted message is not unread; a message from another channel cannot be a read position.
      await post(`/api/channels/${topic.id}/read`, 'partnerEditor', {
        messageId: '00000000-0000-4000-8000-000000000000',
      }).expect(404);
    });

    it('a mention notifies the colleague live and in the notification list; autocomplete offers those who may read', async () => {
      const lucia = await joined('euCoordinator', general.id);
      const wang = await connect('partnerEditor');
      const candidates = (
        await get(`/api/channels/${general.id}/members?q=@wa`, 'euCoordinator').expect(200)
      ).body;
      expect(candidates).toEqual([{ id: ids.partnerEditor, name: 'Wang Li', handle: 'wang.li' }]);
      const inEuTeam = (
        await get(`/api/channels/${euTeam.id}/members`, 'euCoordinator').expect(200)
      ).body.map((c: { handle: string }) => c.handle);
      expect(inEuTeam).toEqual(expect.arrayContaining(['lucia.ortega', 'pablo.herrero']));
      expect(inEuTeam).not.toContain('wang.li');

      const notified = next(wang, 'notification');
      const message = await sent(
        lucia,
        general.id,
        'Could @wang.li check the budget? cc @nobody.here',
      );
      expect(message.mentions).toEqual([ids.partnerEditor]);
      const notification = await notified;
      expect(notification).toMatchObject({
        kind: 'mention',
        pairingId: a.pairingId,
        channelId: general.id,
        messageId: message.id,
        actor: { id: ids.euCoordinator, name: 'Lucía Ortega' },
        excerpt: 'Could @wang.li check the budget? cc @nobody.here',
        readAt: null,
      });
      const list = (await get('/api/notifications', 'partnerEditor').expect(200))
        .body as NotificationListDto;
      expect(list.unread).toBeGreaterThanOrEqual(1);
      expect(list.items[0]).toEqual(notification);
      const readPushed = next(wang, 'notifications:read');
      expect(
        (
          await post('/api/notifications/read', 'partnerEditor', { ids: [notification.id] }).expect(
            200,
          )
        ).body,
      ).toEqual({ unread: list.unread - 1 });
      expect(await readPushed).toEqual({ unread: list.unread - 1 });

      // Mentioning someone who cannot read the channel notifies nobody.
      const pablo = await joined('euEditor', euTeam.id);
      const secret = await sent(pablo, euTeam.id, 'Do not tell @wang.li yet');
      expect(secret.mentions).toEqual([]);
      await sleep(100);
      const after = (await get('/api/notifications', 'partnerEditor').expect(200))
        .body as NotificationListDto;
      expect(after.items.map((n) => n.kind === 'mention' && n.messageId)).not.toContain(secret.id);
      await post('/api/notifications/read', 'partnerEditor', { ids: ['nope'] }).expect(400);

      // Deleting the message takes its notification away (and the unread count follows).
      // The notification is made after the message is acknowledged: count once it has arrived.
      const notifiedAgain = next(wang, 'notification');
      const again = await sent(lucia, general.id, '@wang.li one more thing');
      await notifiedAgain;
      const unreadNow = async () =>
        ((await get('/api/notifications', 'partnerEditor').expect(200)).body as NotificationListDto)
          .unread;
      const withIt = await unreadNow();
      const recount = next(wang, 'notifications:read', (s) => s.unread === withIt - 1);
      expect(await ask(lucia, 'message:delete', { messageId: again.id })).toMatchObject({
        ok: true,
      });
      await recount;
      const final = (await get('/api/notifications', 'partnerEditor').expect(200))
        .body as NotificationListDto;
      expect(final.items.map((n) => n.kind === 'mention' && n.messageId)).not.toContain(again.id);
    });
  });
});
