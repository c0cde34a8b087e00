/**
 * socket.io (engine.io) and the collab server share the API's HTTP server and its 'upgrade' event:
 * neither may destroy the other's websockets.
 */
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import { DISCUSSIONS_NAMESPACE } from '@iuc/domain';
import { addMembership, createUser, login } from '../../test/auth-helpers.js';
import { rawSocket } from '../../test/collab-clients.js';
import {
  ask,
  closeAllDiscussionClients,
  connectDiscussions,
  sleep,
} from '../../test/discussion-clients.js';
import { insertPairing } from '../../test/pairing-fixture.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe('socket.io beside the collab websocket server', () => {
  let t: TestApp;
  let token: string;
  let docName: string;
  let channelId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const pairing = await insertPairing(t.dataSource);
    const user = await createUser(t.dataSource, {
      email: 'both@coexist.test',
      name: 'Both',
      password: 'correct horse battery',
    });
    await addMembership(t.dataSource, {
      userId: user.id,
      pairingId: pairing.pairingId,
      role: 'coordinator',
      authorityId: pairing.euAuthorityId,
    });
    token = (await login(t.url, 'both@coexist.test', 'correct horse battery')).token;
    const [{ id: planId }] = await t.dataSource.query(
      `INSERT INTO plans (pairing_id, authority_id, title) VALUES ($1, $2, 'Plan') RETURNING id`,
      [pairing.pairingId, pairing.euAuthorityId],
    );
    docName = `plan.${planId}`;
    const res = await fetch(`${t.url}/api/pairings/${pairing.pairingId}/channels`, {
      headers: { authorization: `Bearer ${token}` },
    });
    channelId = ((await res.json()) as { id: string }[])[0].id;
  });
  afterAll(async () => {
    closeAllDiscussionClients();
    await t.close();
  });

  it('a socket.io client and a raw collab websocket work at the same time on one port', async () => {
    const socket = await connectDiscussions(t.url, { token });
    const collab = await rawSocket(t.url, docName, token);
    const frames: Buffer[] = [];
    collab.ws.on('message', (data: Buffer) => frames.push(data));
    // engine.io would end foreign upgrades after a second: both must still be open after two.
    await sleep(2_000);
    expect(collab.ws.readyState).toBe(WebSocket.OPEN);
    expect(frames.length).toBeGreaterThan(0);
    expect(socket.connected).toBe(true);
    expect(await ask(socket, 'channel:join', { channelId })).toMatchObject({ ok: true });
    expect(await ask(socket, 'message:send', { channelId, body: 'both alive' })).toMatchObject({
      ok: true,
    });
    collab.ws.close();
  });

  it('the default browser transport (HTTP long-polling, then upgrade to websocket) works', async () => {
    const socket = io(`${t.url}${DISCUSSIONS_NAMESPACE}`, {
      auth: { token },
      reconnection: false,
      forceNew: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      expect(
        socket.io.engine.transport.name === 'polling' ||
          socket.io.engine.transport.name === 'websocket',
      ).toBe(true);
      for (let i = 0; i < 100 && socket.io.engine.transport.name !== 'websocket'; i++)
        await sleep(20);
      expect(socket.io.engine.transport.name).toBe('websocket');
      expect(await ask(socket as never, 'channel:join', { channelId })).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }
  });

  it('an upgrade to a path nobody serves is closed', async () => {
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/nowhere`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('error'));
      ws.on('close', () => resolve('closed'));
    });
    expect(outcome).not.toBe('open');
  });
});
