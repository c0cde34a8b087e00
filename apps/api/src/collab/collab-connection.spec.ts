import { afterEach, expect, it, jest } from '@jest/globals';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CollabConnection, DEFAULT_LIMITS } from './collab-connection.js';
import { CollabDocument } from './collab-document.js';
import { encodeUpdate, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2 } from './protocol.js';
import { PersonBudget, type PersonBudgetLimits } from './person-budget.js';
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

const GENEROUS: PersonBudgetLimits = {
  messagesPerSecond: 1e6,
  messageBurst: 1e6,
  bytesPerSecond: 1e9,
  byteBurst: 1e9,
};

/** A document whose writes wait until `commit()`, and an editor's connection on it over a fake socket. */
function setUp({ person = GENEROUS, maxUpdatesInFlight = DEFAULT_LIMITS.maxUpdatesInFlight } = {}) {
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
  const ws = {
    bufferedAmount: 0,
    readyState: 1,
    OPEN: 1,
    send: (frame: Uint8Array) => sent.push(frame),
    close: jest.fn(),
    terminate: jest.fn(),
    pause: jest.fn(),
    resume: jest.fn(),
  };
  // Relayed frames are written to the socket framed: short ones have a 2-byte header.
  const socket = { write: (wire: Buffer) => sent.push(wire.subarray(2)) };
  const grant = {
    userId: 'u',
    name: 'U',
    sessionTokenHash: 'h',
    docName: DOC,
    canEdit: true,
    decidedAt: { epoch: 0, expiresAt: Infinity },
  };
  const limits = { ...DEFAULT_LIMITS, maxUpdatesInFlight };
  const connection = new CollabConnection(
    ws as unknown as WebSocket,
    socket as never,
    grant,
    document,
    limits,
    new PersonBudget(person),
    () => undefined,
  );
  const commit = async () => {
    for (const resolve of waiting.splice(0)) resolve();
    await new Promise((r) => setImmediate(r));
  };
  const sentKinds = () =>
    sent
      .filter((f) => f[0] === MESSAGE_SYNC)
      .map((f) => (f[1] === SYNC_STEP2 ? 'step2' : 'update'));
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

describe('CollabConnection flow control: a fast writer is slowed, not dropped', () => {
  it('stops reading while too many of its updates wait to be durable, and reads on once half are through', async () => {
    const { connection, persisted, commit, ws } = setUp({ maxUpdatesInFlight: 4 });
    for (let i = 0; i < 10; i++) connection.deliver(encodeUpdate(anUpdate(`u${i}`)));
    expect(persisted).toHaveLength(4);
    expect(ws.pause).toHaveBeenCalled();
    for (let round = 0; round < 5 && persisted.length < 10; round++) await commit();
    expect(persisted).toHaveLength(10);
    await commit();
    expect(ws.resume).toHaveBeenCalled();
    expect(ws.close).not.toHaveBeenCalled();
  });

  it("holds frames over the person's budget until it refills, then takes them all in order", async () => {
    const person = { ...GENEROUS, messagesPerSecond: 100, messageBurst: 3 };
    const { connection, persisted, commit, ws } = setUp({ person });
    const updates = Array.from({ length: 6 }, (_, i) => anUpdate(`m${i}`));
    for (const u of updates) connection.deliver(encodeUpdate(u));
    expect(persisted).toHaveLength(3);
    expect(ws.pause).toHaveBeenCalledTimes(1);
    // 3 more tokens at 100 a second: about 30 ms.
    await new Promise((r) => setTimeout(r, 80));
    await commit();
    expect(persisted.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      updates.map((u) => Buffer.from(u).toString('hex')),
    );
    expect(ws.resume).toHaveBeenCalled();
    expect(ws.close).not.toHaveBeenCalled();
  });

  it('shares one budget between the connections of one person', () => {
    const budget = new PersonBudget({ ...GENEROUS, messagesPerSecond: 1, messageBurst: 4 });
    for (let i = 0; i < 4; i++) expect(budget.take(10)).toBe(0);
    expect(budget.take(10)).toBeGreaterThan(0);
  });
});
