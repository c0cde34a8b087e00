/**
 * Two API instances on one database, sharing socket.io rooms through Redis. Runs against REDIS_URL
 * (CI provides Redis), else redis://127.0.0.1:6379; IUC_SKIP_REDIS_TESTS=1 skips it, loudly.
 */
import { Redis } from 'ioredis';
import type { ChannelDto, MessageAck } from '@iuc/domain';
import { addMembership, createUser, login } from '../../test/auth-helpers.js';
import {
  ask,
  closeAllDiscussionClients,
  connectDiscussions,
  next,
  type DiscussionsClient,
} from '../../test/discussion-clients.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { insertPairing } from '../../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { DiscussionsService } from '../discussions.service.js';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const skip = process.env.IUC_SKIP_REDIS_TESTS === '1';
if (skip)
  console.warn('SKIPPED: discussions across two instances through Redis (IUC_SKIP_REDIS_TESTS=1).');

(skip ? describe.skip : describe)(
  `discussions across two API instances through Redis (${REDIS_URL})`,
  () => {
    let db: TestDatabase;
    let one: TestApp;
    let two: TestApp;
    let general: ChannelDto;
    const tokens: Record<string, string> = {};
    const userIds: Record<string, string> = {};

    beforeAll(async () => {
      const probe = new Redis(REDIS_URL, {
        lazyConnect: true,
        maxRetriesPerRequest: 1,
        retryStrategy: () => null,
      });
      try {
        await probe.connect();
        await probe.ping();
      } catch (err) {
        throw new Error(
          `Redis is not reachable at ${REDIS_URL} (${(err as Error).message}): start Redis, set REDIS_URL, or set IUC_SKIP_REDIS_TESTS=1.`,
        );
      } finally {
        probe.disconnect();
      }
      db = await createTestDatabase();
      one = await startTestApp({ REDIS_URL }, { database: db });
      two = await startTestApp({ REDIS_URL }, { database: db });
      const pairing = await insertPairing(one.dataSource);
      for (const who of ['ana', 'ben', 'cleo']) {
        const user = await createUser(one.dataSource, {
          email: `${who}@redis.test`,
          name: who,
          password: 'correct horse battery',
        });
        userIds[who] = user.id;
        await addMembership(one.dataSource, {
          userId: user.id,
          pairingId: pairing.pairingId,
          role: 'editor',
          authorityId: pairing.euAuthorityId,
        });
        tokens[who] = (await login(one.url, `${who}@redis.test`, 'correct horse battery')).token;
      }
      const res = await fetch(`${one.url}/api/pairings/${pairing.pairingId}/channels`, {
        headers: { authorization: `Bearer ${tokens.ana}` },
      });
      general = ((await res.json()) as ChannelDto[])[0];
    });

    afterEach(() => closeAllDiscussionClients());
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await db?.drop();
    });

    const joinedOn = async (app: TestApp, who: string): Promise<DiscussionsClient> => {
      const socket = await connectDiscussions(app.url, { token: tokens[who] });
      expect(await ask(socket, 'channel:join', { channelId: general.id })).toMatchObject({
        ok: true,
      });
      return socket;
    };

    it('a message sent on one instance reaches a member connected to the other, once', async () => {
      const ana = await joinedOn(one, 'ana');
      const ben = await joinedOn(two, 'ben');
      const received: string[] = [];
      ben.on('message:new', (m) => received.push(m.id));
      const heard = next(ben, 'message:new', (m) => m.body === 'across instances');
      const ack = await ask<MessageAck>(ana, 'message:send', {
        channelId: general.id,
        body: 'across instances',
      });
      if (!ack.ok) throw new Error(ack.error);
      expect(await heard).toEqual(ack.message);
      const back = next(ana, 'message:new', (m) => m.body === 'and back');
      await ask(ben, 'message:send', { channelId: general.id, body: 'and back' });
      expect((await back).author.id).toBe(userIds.ben);
      await new Promise((r) => setTimeout(r, 200));
      expect(received).toEqual([ack.message.id]);
    });

    it('presence spans instances: who is online includes people connected to the other one', async () => {
      await joinedOn(one, 'ana');
      const cleo = await connectDiscussions(two.url, { token: tokens.cleo });
      const join = await ask<{ ok: true; online: { id: string }[] }>(cleo, 'channel:join', {
        channelId: general.id,
      });
      expect(join.online.map((u) => u.id)).toEqual(
        expect.arrayContaining([userIds.ana, userIds.cleo]),
      );
    });

    it('revoking access on one instance takes the member out of rooms on the other at once', async () => {
      const cleo = await joinedOn(two, 'cleo');
      await one.dataSource.query('DELETE FROM memberships WHERE user_id = $1', [userIds.cleo]);
      const revoked = next(cleo, 'channel:revoked', undefined, 1_500);
      await one.app.get(DiscussionsService).revokeAccess([userIds.cleo]);
      expect(await revoked).toEqual({ channelId: general.id });
      expect(
        await ask(cleo, 'message:send', { channelId: general.id, body: 'gone' }),
      ).toMatchObject({ ok: false, code: 'not_found' });
    });
  },
);
