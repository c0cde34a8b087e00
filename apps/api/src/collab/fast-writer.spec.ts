/**
 * A client that sends faster than the server takes is slowed, not dropped: a real editing trace
 * (137,154 transactions) replayed through the stock y-websocket provider as fast as it can send
 * arrives whole and survives a restart. Connections beyond a person's or an address's cap are
 * refused with a code the stock client retries (45xx), as is a restart.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
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
import { CLOSE_TRY_AGAIN } from './protocol.js';

interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: [number, number, string][] }[];
}

const SECTION = 'section:context';
const trace = JSON.parse(
  gunzipSync(
    readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/seph-blog1.json.gz')),
  ).toString('utf8'),
) as Trace;

const sectionText = (doc: Y.Doc) => {
  const text = doc.getXmlFragment(SECTION).get(0) as Y.XmlElement | undefined;
  const inner = text?.get(0);
  return inner instanceof Y.XmlText ? inner.toString() : null;
};

/** Resolves when the server has answered a sync step 1 sent after everything written so far. */
async function acknowledged(client: CollabClient): Promise<void> {
  const ws = client.provider.ws as unknown as {
    bufferedAmount: number;
    send(d: Uint8Array): void;
    on(e: string, f: (d: ArrayBuffer) => void): void;
    off(e: string, f: (d: ArrayBuffer) => void): void;
  };
  await waitFor(() => ws.bufferedAmount === 0, 120_000, 'the client to send everything');
  await new Promise<void>((resolve) => {
    const onMessage = (data: ArrayBuffer) => {
      const bytes = new Uint8Array(data);
      if (bytes[0] === 0 && bytes[1] === syncProtocol.messageYjsSyncStep2) {
        ws.off('message', onMessage);
        resolve();
      }
    };
    ws.on('message', onMessage);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, client.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}

/** Three editors of one new plan, signed in: the plan's document name and their tokens. */
async function editorsOnAPlan(t: TestApp): Promise<{ docName: string; tokens: string[] }> {
  const pairing = await insertPairing(t.dataSource);
  const tokens: string[] = [];
  for (const who of ['writer', 'reader', 'third']) {
    const user = await createUser(t.dataSource, {
      email: `${who}@fast.test`,
      name: who,
      password: 'long enough password',
    });
    await addMembership(t.dataSource, {
      userId: user.id,
      pairingId: pairing.pairingId,
      role: 'editor',
      authorityId: pairing.euAuthorityId,
    });
    tokens.push((await login(t.url, `${who}@fast.test`, 'long enough password')).token);
  }
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO plans (pairing_id, authority_id, title) VALUES ($1, $2, 'Plan') RETURNING id`,
    [pairing.pairingId, pairing.euAuthorityId],
  );
  return { docName: `plan.${id}`, tokens };
}

describe('a fast writer', () => {
  let db: TestDatabase;
  let t: TestApp;
  let docName: string;
  let tokens: string[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({}, { database: db });
    ({ docName, tokens } = await editorsOnAPlan(t));
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.close();
    await db.drop();
  });

  it('sends a 137,154-transaction trace at full speed through the stock provider: nothing is dropped, and a restart keeps it whole', async () => {
    const writer = connectProvider(t.url, docName, tokens[0]);
    clients.push(writer);
    await synced(writer);
    let text!: Y.XmlText;
    writer.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      text = new Y.XmlText(trace.startContent);
      paragraph.insert(0, [text]);
      writer.doc.getXmlFragment(SECTION).push([paragraph]);
    });
    let n = 0;
    for (const txn of trace.txns) {
      writer.doc.transact(() => {
        for (const [pos, del, ins] of txn.patches) {
          if (del) text.delete(pos, del);
          if (ins) text.insert(pos, ins);
        }
      });
      // Only so that the socket writes meanwhile: the client sends as fast as it can.
      if (++n % 1000 === 0) await new Promise((r) => setImmediate(r));
    }
    expect(sectionText(writer.doc)).toBe(trace.endContent);
    await acknowledged(writer);
    expect(writer.closeCodes).toEqual([]);

    // A restart: the writer is told to come back (45xx), not to give up.
    await t.close();
    t = await startTestApp({}, { database: db });
    await waitFor(() => writer.closeCodes.length > 0, 5_000, 'the close at restart');
    expect(writer.closeCodes[0]).toBe(CLOSE_TRY_AGAIN);
    expect(writer.provider.shouldConnect).toBe(true);

    const reader = connectProvider(t.url, docName, tokens[1]);
    clients.push(reader);
    await waitFor(() => reader.provider.synced, 30_000, 'the reader to sync');
    expect(sectionText(reader.doc)).toBe(trace.endContent);
  }, 180_000);
});

describe('connection caps', () => {
  let t: TestApp;
  let docName: string;
  let tokens: string[];

  beforeAll(async () => {
    t = await startTestApp({
      COLLAB_MAX_CONNECTIONS_PER_PERSON: '3',
      COLLAB_MAX_CONNECTIONS_PER_ADDRESS: '5',
    });
    ({ docName, tokens } = await editorsOnAPlan(t));
  });

  afterAll(() => t.close());

  it("refuses a person's connections beyond the cap with a code the stock client retries, and lets others in", async () => {
    // A socket is open before the server has signed it in and counted it: wait for its first
    // message (the server's sync step), which comes only once the connection holds its place.
    const admitted = async (s: Awaited<ReturnType<typeof rawSocket>>) => {
      await new Promise((r) => s.ws.once('message', r));
      return s;
    };
    const open = [];
    for (let i = 0; i < 3; i++)
      open.push(await admitted(await rawSocket(t.url, docName, tokens[2])));
    const extra = await rawSocket(t.url, docName, tokens[2]);
    expect(await extra.closed).toBe(CLOSE_TRY_AGAIN);
    // Another person from the same address still gets in, up to the address's cap (5).
    const other = await admitted(await rawSocket(t.url, docName, tokens[1]));
    const fifth = await admitted(await rawSocket(t.url, docName, tokens[0]));
    const sixth = await rawSocket(t.url, docName, tokens[0]);
    expect(await sixth.closed).toBe(CLOSE_TRY_AGAIN);
    // A closed connection frees its place.
    open[0].ws.close();
    await open[0].closed;
    await new Promise((r) => setTimeout(r, 100));
    const again = await rawSocket(t.url, docName, tokens[2]);
    for (const s of [...open.slice(1), other, fifth, again])
      expect(s.ws.readyState).toBe(s.ws.OPEN);
    for (const s of [...open, other, fifth, again]) s.ws.close();
  });
});
