import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { addMembership, createUser, login } from '../test/auth-helpers.js';
import { insertPairing, type PairingFixture } from '../test/pairing-fixture.js';
import {
  connectProvider,
  rawSocket,
  synced,
  waitFor,
  type CollabClient,
} from '../test/collab-clients.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { encodeUpdate, MESSAGE_AWARENESS } from './protocol.js';
import { COLLAB_ACCESS, type CollabAccess } from './collab-access.js';
import { jest } from '@jest/globals';

const PASSWORD = 'correct horse battery';

describe('collab sync server', () => {
  let db: TestDatabase;
  let t: TestApp;
  let pairing: PairingFixture;
  let planId: string;
  let docName: string;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const clients: CollabClient[] = [];

  const client = (who: string | null) => {
    const c = connectProvider(t.url, docName, who ? tokens[who] : null);
    clients.push(c);
    return c;
  };
  const storedUpdates = async () =>
    Number(
      (
        await t.dataSource.query('SELECT count(*) AS n FROM collab_updates WHERE doc_name = $1', [
          docName,
        ])
      )[0].n,
    );
  const text = (c: CollabClient) => c.doc.getXmlFragment('section:vision').toString();
  const type = (c: CollabClient, words: string) => {
    const fragment = c.doc.getXmlFragment('section:vision');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(words)]);
    fragment.push([p]);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, { database: db });
    pairing = await insertPairing(t.dataSource);
    const people: [string, 'coordinator' | 'editor' | 'viewer' | null, string | null][] = [
      ['coordinator', 'coordinator', pairing.euAuthorityId],
      ['editor', 'editor', pairing.euAuthorityId],
      ['viewer', 'viewer', null],
      ['partner', 'coordinator', pairing.partnerAuthorityId],
      ['outsider', null, null],
      ['leaver', 'editor', pairing.euAuthorityId],
    ];
    for (const [who, role, authorityId] of people) {
      const user = await createUser(t.dataSource, {
        email: `${who}@collab.test`,
        name: `${who} person`,
        password: PASSWORD,
      });
      userIds[who] = user.id;
      if (role)
        await addMembership(t.dataSource, {
          userId: user.id,
          pairingId: pairing.pairingId,
          role,
          authorityId,
        });
      tokens[who] = (await login(t.url, `${who}@collab.test`, PASSWORD)).token;
    }
    [{ id: planId }] = await t.dataSource.query(
      `INSERT INTO plans (pairing_id, authority_id, title) VALUES ($1, $2, 'Plan') RETURNING id`,
      [pairing.pairingId, pairing.euAuthorityId],
    );
    docName = `plan.${planId}`;
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('two stock WebsocketProvider clients converge, and a third joining later receives everything', async () => {
    const a = client('coordinator');
    const b = client('editor');
    await Promise.all([synced(a), synced(b)]);
    type(a, 'Safer streets for cyclists.');
    type(b, 'A bike lane network by 2030.');
    await waitFor(
      () => text(a) === text(b) && text(a).includes('cyclists') && text(a).includes('2030'),
      5_000,
      'convergence',
    );
    const c = client('partner');
    await synced(c);
    await waitFor(() => text(c) === text(a), 5_000, 'late joiner');
    expect(text(c)).toContain('bike lane');
  });

  it("refuses a reader's update: never stored, never relayed", async () => {
    const editor = client('editor');
    const viewer = client('viewer');
    await Promise.all([synced(editor), synced(viewer)]);
    const before = await storedUpdates();
    type(viewer, 'VIEWER WAS HERE');
    type(editor, 'editor after viewer');
    await waitFor(
      () => text(viewer).includes('editor after viewer'),
      5_000,
      'editor update at viewer',
    );
    // The editor's update went through; the viewer's did not.
    expect(text(editor)).not.toContain('VIEWER WAS HERE');
    expect(await storedUpdates()).toBe(before + 1);
    const late = client('partner');
    await synced(late);
    expect(text(late)).not.toContain('VIEWER WAS HERE');
  });

  it('refuses a connection without a session (4401) and a non-member (4403) before any content', async () => {
    const anonymous = client(null);
    const outsider = client('outsider');
    await waitFor(
      () => anonymous.closeCodes.length > 0 && outsider.closeCodes.length > 0,
      5_000,
      'refusals',
    );
    expect(anonymous.closeCodes[0]).toBe(4401);
    expect(outsider.closeCodes[0]).toBe(4403);
    expect(anonymous.provider.synced).toBe(false);
    expect(outsider.doc.getXmlFragment('section:vision').length).toBe(0);
  });

  it('refuses an unknown plan (4404) and a disabled account (4401) at connect, before any content', async () => {
    const unknown = connectProvider(
      t.url,
      'plan.00000000-0000-4000-8000-000000000000',
      tokens.coordinator,
    );
    clients.push(unknown);
    const disabled = await createUser(t.dataSource, {
      email: 'disabled@collab.test',
      name: 'disabled person',
      password: PASSWORD,
    });
    await addMembership(t.dataSource, {
      userId: disabled.id,
      pairingId: pairing.pairingId,
      role: 'editor',
      authorityId: pairing.euAuthorityId,
    });
    const { token } = await login(t.url, 'disabled@collab.test', PASSWORD);
    await t.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.id]);
    const refused = connectProvider(t.url, docName, token);
    clients.push(refused);
    await waitFor(
      () => unknown.closeCodes.length > 0 && refused.closeCodes.length > 0,
      5_000,
      'refusals',
    );
    expect(unknown.closeCodes[0]).toBe(4404);
    expect(refused.closeCodes[0]).toBe(4401);
    expect(refused.provider.synced).toBe(false);
  });

  it('disconnects a member removed while connected, within seconds', async () => {
    const leaver = client('leaver');
    await synced(leaver);
    await t.dataSource.query('DELETE FROM memberships WHERE user_id = $1', [userIds.leaver]);
    await waitFor(() => leaver.closeCodes.includes(4403), 6_000, 'revocation');
  });

  it('asks nobody again while nothing that grants access changes, and again as soon as something does', async () => {
    const access = t.app.get<CollabAccess>(COLLAB_ACCESS);
    const editor = client('editor');
    await synced(editor);
    const recheck = jest.spyOn(access, 'recheck');
    try {
      await new Promise((r) => setTimeout(r, 4_500)); // two sweeps
      expect(recheck).not.toHaveBeenCalled();
      // Someone else's membership changes: the epoch moves, the open connection is decided again.
      await t.dataSource.query(`UPDATE memberships SET role = role WHERE user_id = $1`, [
        userIds.viewer,
      ]);
      await waitFor(() => recheck.mock.calls.length > 0, 5_000, 'recheck after a change');
      expect(editor.closeCodes).toEqual([]);
    } finally {
      recheck.mockRestore();
    }
  });

  it('closes a connection when its session runs out, though nothing else changed', async () => {
    const { token } = await login(t.url, 'editor@collab.test', PASSWORD);
    const [{ token_hash: tokenHash }] = await t.dataSource.query(
      'SELECT token_hash FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1',
      [userIds.editor],
    );
    await t.dataSource.query(
      `UPDATE sessions SET expires_at = now() + interval '3 seconds' WHERE token_hash = $1`,
      [tokenHash],
    );
    const c = connectProvider(t.url, docName, token);
    clients.push(c);
    await synced(c);
    await waitFor(
      () => c.closeCodes.includes(4403) || c.closeCodes.includes(4401),
      8_000,
      'expiry',
    );
  });

  it('closes only the sender of garbage bytes, an oversized update, or a spoofed or bloated presence; others keep syncing', async () => {
    const a = client('coordinator');
    const b = client('editor');
    await Promise.all([synced(a), synced(b)]);
    const before = await storedUpdates();

    const garbage = await rawSocket(t.url, docName, tokens.editor);
    garbage.ws.send(Buffer.from([0, 2, 200, 1, 2, 3, 255, 255]));
    expect(await garbage.closed).toBe(4400);

    const big = await rawSocket(t.url, docName, tokens.editor);
    const doc = new Y.Doc();
    doc.getText('x').insert(0, 'x'.repeat(t.config.collabMaxMessageBytes + 10));
    big.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    expect(await big.closed).toBe(4413);
    doc.destroy();

    /** An awareness message announcing one client's `state`. */
    const presence = (state: unknown) => {
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, MESSAGE_AWARENESS);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 12345);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, JSON.stringify(state));
      encoding.writeVarUint8Array(enc, encoding.toUint8Array(inner));
      return encoding.toUint8Array(enc);
    };
    const spoof = await rawSocket(t.url, docName, tokens.editor);
    spoof.ws.send(presence({ user: { id: userIds.coordinator, name: 'Someone else' } }));
    expect(await spoof.closed).toBe(4403);

    // Presence is kept in memory and sent to everyone: a huge state is refused.
    const bloated = await rawSocket(t.url, docName, tokens.editor);
    bloated.ws.send(presence({ user: { name: 'Big' }, cursor: 'x'.repeat(20_000) }));
    expect(await bloated.closed).toBe(4413);

    expect(await storedUpdates()).toBe(before);
    type(a, 'still working after the attacks');
    await waitFor(
      () => text(b).includes('still working after the attacks'),
      5_000,
      'sync after attacks',
    );
  });

  it("relays a presence's colour only when it is #rrggbb (other pages put it into styles)", async () => {
    const watcher = client('coordinator');
    const painter = client('editor');
    await Promise.all([synced(watcher), synced(painter)]);
    const seenColour = () =>
      [...watcher.provider.awareness.getStates().values()]
        .map((s) => s.user as { id?: string; color?: unknown } | undefined)
        .find((u) => u?.id === userIds.editor);
    painter.provider.awareness.setLocalStateField('user', {
      name: 'x',
      color: 'red;background:url(https://evil.test/x)',
    });
    await waitFor(() => seenColour() !== undefined, 5_000, 'presence');
    expect(seenColour()?.color).toBeUndefined();
    painter.provider.awareness.setLocalStateField('user', { name: 'x', color: '#12ab34' });
    await waitFor(() => seenColour()?.color === '#12ab34', 5_000, 'a valid colour');
  });

  it('compacts a document after 1,000 updates (on a worker thread): a snapshot replaces the rows, and the content is unchanged', async () => {
    const writer = client('coordinator');
    await synced(writer);
    for (let i = 0; i < 1_050; i++) type(writer, `line ${i}`);
    const snapshotRows = async () =>
      Number(
        (
          await t.dataSource.query(
            'SELECT count(*) AS n FROM collab_snapshots WHERE doc_name = $1',
            [docName],
          )
        )[0].n,
      );
    const deadline = Date.now() + 20_000;
    while ((await snapshotRows()) === 0 || (await storedUpdates()) >= 1_000) {
      if (Date.now() > deadline) throw new Error('no compaction within 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    const reader = client('editor');
    await synced(reader);
    await waitFor(() => text(reader) === text(writer), 5_000, 'the same content');
    expect(text(reader)).toContain('line 1049');
  });

  it('opens a document that is not loaded from its snapshot and a long tail, with the exact content', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO plans (pairing_id, authority_id, title) VALUES ($1, $2, 'Stored plan') RETURNING id`,
      [pairing.pairingId, pairing.partnerAuthorityId],
    );
    const stored = `plan.${id}`;
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const paragraph = new Y.XmlElement('paragraph');
    const words = new Y.XmlText();
    paragraph.insert(0, [words]);
    source.getXmlFragment('section:vision').push([paragraph]);
    for (let i = 0; i < 400; i++)
      words.insert(i % 5 === 0 ? 0 : words.length, String.fromCharCode(97 + (i % 26)));
    // A snapshot of the first half, then the rest as log rows after it (longer than a bytes answer).
    const half = updates.length >> 1;
    const [{ seq }] = await t.dataSource.query(
      `INSERT INTO collab_updates (doc_name, update) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS x(u, n) ORDER BY n RETURNING seq`,
      [stored, updates.slice(0, half).map((u) => Buffer.from(u))],
    );
    await t.dataSource.query(`DELETE FROM collab_updates WHERE doc_name = $1`, [stored]);
    await t.dataSource.query(
      `INSERT INTO collab_snapshots (doc_name, state, last_seq) VALUES ($1, $2, $3)`,
      [stored, Buffer.from(Y.mergeUpdates(updates.slice(0, half))), seq],
    );
    await t.dataSource.query(
      `INSERT INTO collab_updates (doc_name, update) SELECT $1, u FROM unnest($2::bytea[]) WITH ORDINALITY AS x(u, n) ORDER BY n`,
      [stored, updates.slice(half).map((u) => Buffer.from(u))],
    );
    const expected = source.getXmlFragment('section:vision').toString();
    const reader = connectProvider(t.url, stored, tokens.viewer);
    clients.push(reader);
    await synced(reader);
    expect(reader.doc.getXmlFragment('section:vision').toString()).toBe(expected);
    // A second client of the now live document, and an edit on top, see the same.
    const editor = connectProvider(t.url, stored, tokens.partner);
    clients.push(editor);
    await synced(editor);
    expect(editor.doc.getXmlFragment('section:vision').toString()).toBe(expected);
    editor.doc.getXmlFragment('section:vision').push([new Y.XmlElement('paragraph')]);
    await waitFor(
      () => reader.doc.getXmlFragment('section:vision').length === 2,
      5_000,
      'edit relayed',
    );
  });

  it('keeps content across an API restart', async () => {
    const a = client('coordinator');
    await synced(a);
    type(a, 'written before the restart');
    const witness = client('partner');
    await synced(witness);
    // Once another client has received it, the update is durable.
    await waitFor(() => text(witness).includes('written before the restart'), 5_000, 'relay');
    const expected = text(a);
    expect(expected).toContain('cyclists');
    await t.close();
    t = await startTestApp({}, { database: db });
    // Tokens survive: sessions are in PostgreSQL.
    const b = client('editor');
    await synced(b);
    expect(text(b)).toBe(expected);
  });
});

describe('collab across two API instances through Redis', () => {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let db: TestDatabase;
  let one: TestApp;
  let two: TestApp;
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await startTestApp({ REDIS_URL: redisUrl }, { database: db });
    two = await startTestApp({ REDIS_URL: redisUrl }, { database: db });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one.close();
    await two.close();
    await db.drop();
  });

  it('relays an edit made on one instance to a client on the other, with presence', async () => {
    const pairing = await insertPairing(one.dataSource);
    const tokens: string[] = [];
    for (const who of ['ana', 'ben']) {
      const user = await createUser(one.dataSource, {
        email: `${who}@redis.test`,
        name: who,
        password: PASSWORD,
      });
      await addMembership(one.dataSource, {
        userId: user.id,
        pairingId: pairing.pairingId,
        role: 'editor',
        authorityId: pairing.euAuthorityId,
      });
      tokens.push((await login(one.url, `${who}@redis.test`, PASSWORD)).token);
    }
    const [{ id }] = await one.dataSource.query(
      `INSERT INTO plans (pairing_id, authority_id, title) VALUES ($1, $2, 'Plan') RETURNING id`,
      [pairing.pairingId, pairing.euAuthorityId],
    );
    const docName = `plan.${id}`;
    const a = connectProvider(one.url, docName, tokens[0]);
    const b = connectProvider(two.url, docName, tokens[1]);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('t').insert(0, 'from instance one');
    await waitFor(
      () => b.doc.getText('t').toString() === 'from instance one',
      5_000,
      'cross-instance update',
    );
    b.doc.getText('t').insert(0, 'two says hi, ');
    await waitFor(
      () => a.doc.getText('t').toString() === 'two says hi, from instance one',
      5_000,
      'reverse update',
    );
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (s) => (s.user as { name?: string })?.name === 'ana',
        ),
      5_000,
      'presence',
    );
  });
});
