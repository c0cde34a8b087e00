/**
 * Connections whose client vanished without closing (a laptop shut, a network gone) are found by
 * pinging and dropped, so that they do not hold documents open; live ones are left alone.
 */
import * as Y from 'yjs';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { addMembership, createUser, login } from '../test/auth-helpers.js';
import { insertPairing } from '../test/pairing-fixture.js';
import {
  connectProvider,
  rawSocket,
  synced,
  waitFor,
  type CollabClient,
} from '../test/collab-clients.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { CollabServer } from './collab.server.js';

const PING_INTERVAL_MS = 400;

describe('collab connection liveness', () => {
  let db: TestDatabase;
  let t: TestApp;
  let token: string;
  let docName: string;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({ COLLAB_PING_INTERVAL_MS: String(PING_INTERVAL_MS) }, { database: db });
    const pairing = await insertPairing(t.dataSource);
    const user = await createUser(t.dataSource, {
      email: 'editor@liveness.test',
      name: 'Editor',
      password: 'long enough password',
    });
    await addMembership(t.dataSource, {
      userId: user.id,
      pairingId: pairing.pairingId,
      role: 'editor',
      authorityId: pairing.euAuthorityId,
    });
    token = (await login(t.url, 'editor@liveness.test', 'long enough password')).token;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO plans (pairing_id, authority_id, title) VALUES ($1, $2, 'Plan') RETURNING id`,
      [pairing.pairingId, pairing.euAuthorityId],
    );
    docName = `plan.${id}`;
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.close();
    await db.drop();
  });

  it('drops a connection that stops answering pings, and keeps one that answers', async () => {
    const live = connectProvider(t.url, docName, token);
    clients.push(live);
    await synced(live);
    const gone = await rawSocket(t.url, docName, token, { autoPong: false });
    const server = t.app.get(CollabServer);
    await waitFor(() => server.connectionCount === 2, 5_000, 'both connected');

    // Silent from the start: closed by the second check after its ping (within about 2 intervals).
    let closed = false;
    void gone.closed.then(() => (closed = true));
    await waitFor(
      () => closed && server.connectionCount === 1,
      10 * PING_INTERVAL_MS,
      'the silent connection dropped',
    );

    // The live client went through the same checks and still edits.
    await new Promise((r) => setTimeout(r, 3 * PING_INTERVAL_MS));
    expect(live.provider.wsconnected).toBe(true);
    expect(live.closeCodes).toEqual([]);
    const reader = connectProvider(t.url, docName, token);
    clients.push(reader);
    await synced(reader);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('still here')]);
    live.doc.getXmlFragment('section:context').push([paragraph]);
    await waitFor(
      () => reader.doc.getXmlFragment('section:context').toString().includes('still here'),
      5_000,
      'update relayed',
    );
  });
});
