import * as Y from 'yjs';
import { DocumentContent, type SyncAnswer } from './document-content.js';

/** A history of `n` single-character edits, as separate updates, and the document they make. */
function history(n: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < n; i++) {
    if (i % 7 === 6) text.delete(text.length - 1, 1);
    else text.insert(i % 3 === 0 ? 0 : text.length, String.fromCharCode(97 + (i % 26)));
  }
  return { doc, updates };
}

/** What a client holding `doc` ends up with after applying an answer, updates first. */
function receive(answer: SyncAnswer, doc = new Y.Doc()): Y.Doc {
  for (const u of answer.updates) Y.applyUpdate(doc, u);
  Y.applyUpdate(doc, answer.step2);
  return doc;
}

describe('document content', () => {
  it('answers an empty client of a cold document with the stored bytes as they are', async () => {
    const { doc } = history(300);
    const snapshot = Y.encodeStateAsUpdate(doc);
    const content = new DocumentContent({ snapshot, updates: [] });
    expect(content.built).toBe(false);
    const answer = await content.answer(Y.encodeStateVector(new Y.Doc()));
    expect(answer.step2).toBe(snapshot);
    expect(receive(answer).getText('t').toString()).toBe(doc.getText('t').toString());
    // Answering did not need the Y.Doc.
    expect(content.built).toBe(false);
  });

  it('gives a client with part of the content exactly the rest, snapshot and tail alike', async () => {
    const { doc, updates } = history(200);
    const snapshot = Y.mergeUpdates(updates.slice(0, 150));
    const content = new DocumentContent({ snapshot, updates: updates.slice(150) });
    const client = new Y.Doc();
    for (const u of updates.slice(0, 80)) Y.applyUpdate(client, u);
    receive(await content.answer(Y.encodeStateVector(client)), client);
    expect(client.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('opens a document with a long tail correctly, and keeps later updates', async () => {
    const { doc, updates } = history(1_500);
    const content = new DocumentContent({ snapshot: null, updates: updates.slice(0, 1_200) });
    const upTo1200 = new Y.Doc();
    for (const u of updates.slice(0, 1_200)) Y.applyUpdate(upTo1200, u);
    const first = receive(await content.answer(new Uint8Array([0])));
    expect(first.getText('t').toString()).toBe(upTo1200.getText('t').toString());
    for (const u of updates.slice(1_200)) content.add(u);
    expect((await content.ready()).getText('t').toString()).toBe(doc.getText('t').toString());
    const late = receive(await content.answer(new Uint8Array([0])));
    expect(late.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('answers an empty document with an empty update', async () => {
    const content = new DocumentContent({ snapshot: null, updates: [] });
    const answer = await content.answer(new Uint8Array([0]));
    expect(answer.updates).toEqual([]);
    expect(receive(answer).share.size).toBe(0);
  });
});

describe('document content answered from bytes', () => {
  it('answers an empty client of a cold document with a long tail from the bytes: the snapshot and one merged update', async () => {
    const { doc, updates } = history(1_000);
    const snapshot = Y.mergeUpdates(updates.slice(0, 600));
    const content = new DocumentContent({ snapshot, updates: updates.slice(600) });
    const answer = await content.answer(new Uint8Array([0]));
    expect(answer.step2).toBe(snapshot);
    expect(answer.updates).toHaveLength(1);
    expect(receive(answer).getText('t').toString()).toBe(doc.getText('t').toString());
    expect(content.built).toBe(false);
    // Later updates still reach the next client and the Y.Doc.
    const more = history(1_010).updates.slice(1_000);
    for (const u of more) content.add(u);
    const full = new Y.Doc();
    for (const u of [...updates, ...more]) Y.applyUpdate(full, u);
    expect(receive(await content.answer(new Uint8Array([0]))).getText('t').toString()).toBe(full.getText('t').toString());
    expect((await content.ready()).getText('t').toString()).toBe(full.getText('t').toString());
  });

  it('keeps a build in progress exact when a fresh client is answered meanwhile', async () => {
    const { doc, updates } = history(1_200);
    const content = new DocumentContent({ snapshot: null, updates: updates.slice(0, 900) });
    const building = content.ready();
    const answer = await content.answer(new Uint8Array([0]));
    for (const u of updates.slice(900)) content.add(u);
    await building;
    expect(receive(answer).getText('t').toString().length).toBeGreaterThan(0);
    expect((await content.ready()).getText('t').toString()).toBe(doc.getText('t').toString());
  });
});
