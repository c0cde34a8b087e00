/**
 * Durable before relayed: SIGKILL the API right after a second client received an update; after a
 * restart the update is there. Runs the built API as a real process.
 */
import * as Y from 'yjs';
import { startTestApp } from '../test/test-app.js';
import { addMembership, createUser, login } from '../test/auth-helpers.js';
import { insertPairing } from '../test/pairing-fixture.js';
import { connectProvider, synced, waitFor, type CollabClient } from '../test/collab-clients.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { startApiProcess, type ApiProcess } from '../test/api-process.js';

describe('collab after a crash', () => {
  let db: TestDatabase;
  let api: ApiProcess | null = null;
  const clients: CollabClient[] = [];
  let docName: string;
  const tokens: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Arrange the data through the in-process app, then run the real process on the same database.
    const t = await startTestApp({}, { database: db });
    const pairing = await insertPairing(t.dataSource);
    for (const who of ['writer', 'witness']) {
      const user = await createUser(t.dataSource, {
        email: `${who}@crash.test`,
        name: who,
        password: 'long enough password',
      });
      await addMembership(t.dataSource, {
        userId: user.id,
        pairingId: pairing.pairingId,
        role: 'editor',
        authorityId: pairing.euAuthorityId,
      });
      tokens.push((await login(t.url, `${who}@crash.test`, 'long enough password')).token);
    }
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO plans (pairing_id, authority_id, title) VALUES ($1, $2, 'Plan') RETURNING id`,
      [pairing.pairingId, pairing.euAuthorityId],
    );
    docName = `plan.${id}`;
    await t.close();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await api?.kill('SIGKILL');
    await db.drop();
  });

  it('keeps every update another client received, through 3 SIGKILLs', async () => {
    const seen: string[] = [];
    for (let round = 0; round < 3; round++) {
      api = await startApiProcess(db.url);
      const writer = connectProvider(api.url, docName, tokens[0]);
      const witness = connectProvider(api.url, docName, tokens[1]);
      clients.push(writer, witness);
      await Promise.all([synced(writer), synced(witness)]);
      // Everything a collaborator saw before earlier crashes is still there.
      for (const word of seen) expect(witness.doc.getText('t').toString()).toContain(word);
      const word = `round-${round}-${Math.random().toString(36).slice(2, 8)} `;
      writer.doc.getText('t').insert(0, word);
      await waitFor(
        () => witness.doc.getText('t').toString().includes(word),
        5_000,
        'relay to witness',
      );
      await api.kill('SIGKILL');
      seen.push(word.trim());
      // Closed tabs: the clients go away without re-syncing what they hold.
      writer.destroy();
      witness.destroy();
    }
    api = await startApiProcess(db.url);
    const reader = connectProvider(api.url, docName, tokens[1]);
    clients.push(reader);
    await synced(reader);
    const text = reader.doc.getText('t').toString();
    for (const word of seen) expect(text).toContain(word);
    expect(Y.encodeStateVector(reader.doc).length).toBeGreaterThan(0);
  });
});
