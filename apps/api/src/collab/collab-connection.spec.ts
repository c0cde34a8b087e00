import { afterEach, expect, it, jest } from '@jest/globals';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CollabConnection, DEFAULT_LIMITS } from './collab-connection.js';
import { CollabDocument } from './collab-document.js';
import { encodeUpdate, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2 } from './protocol.js';
import * as encoding from 'lib0/encoding';

const DOC = 'plan.0b6f2c1e-4a7d-4f0e-9c3b-2d5e8a1f7c90';

function anUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(encoder);
}

const documents: CollabDocument[] = [];
afterEach(() => documents.splice(0).forEach((d) => d.destroy()));

/** A document whose writes wait until `commit()`, and an editor's connection on it over a fake socket. */
function setUp() {
  const waiting: (() => void)[] = [];
  const persisted: Uint8Array[] = [];
  const document = new CollabDocument(
    DOC,
    {
      persist: (_name, update) => {
        persisted.push(update);
        return new Promise<void>((resolve) => waiting.push(resolve));
      },
      changed: () => undefined,
      publish: () => undefined,
    },
    { snapshot: null, updates: [], lastSeq: '0' },
  );
  documents.push(document);
  const sent: Uint8Array[] = [];
  const ws = { bufferedAmount: 0, readyState: 1, OPEN: 1, send: (frame: Uint8Array) => sent.push(frame), close: jest.fn(), terminate: jest.fn() };
  // Relayed frames are written to the socket framed: short ones have a 2-byte header.
  const socket = { write: (wire: Buffer) => sent.push(wire.subarray(2)) };
  const grant = { userId: 'u', name: 'U', sessionTokenHash: 'h', docName: DOC, canEdit: true, decidedAt: { epoch: 0, expiresAt: Infinity } };
  const connection = new CollabConnection(ws as unknown as WebSocket, socket as never, grant, document, DEFAULT_LIMITS, () => undefined);
  const commit = async () => {
    for (const resolve of waiting.splice(0)) resolve();
    await new Promise((r) => setImmediate(r));
  };
  const sentKinds = () => sent.filter((f) => f[0] === MESSAGE_SYNC).map((f) => (f[1] === SYNC_STEP2 ? 'step2' : 'update'));
  return { connection, persisted, commit, sentKinds, ws };
}

describe('CollabConnection frame order', () => {
  it('submits an update frame as it is delivered', () => {
    const { connection, persisted } = setUp();
    connection.deliver(encodeUpdate(anUpdate('a')));
    expect(persisted).toHaveLength(1);
  });

  it('holds the frames behind a sync step 1 until it is answered, then takes them in order', async () => {
    const { connection, persisted, commit, sentKinds, ws } = setUp();
    connection.deliver(encodeUpdate(anUpdate('a')));
    connection.deliver(syncStep1());
    connection.deliver(encodeUpdate(anUpdate('b')));
    connection.deliver(encodeUpdate(anUpdate('c')));
    // The answer waits for 'a' to be durable; 'b' and 'c' wait for the answer.
    expect(persisted).toHaveLength(1);
    expect(sentKinds()).toEqual([]);
    await commit();
    expect(sentKinds()).toEqual(['step2']);
    expect(persisted).toHaveLength(3);
    await commit();
    expect(ws.close).not.toHaveBeenCalled();
  });
});
