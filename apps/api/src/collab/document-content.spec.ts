import * as Y from 'yjs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { docFromStored, DocumentContent, type SyncAnswer } from './document-content.js';

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
    expect(
      receive(await content.answer(new Uint8Array([0])))
        .getText('t')
        .toString(),
    ).toBe(full.getText('t').toString());
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

describe('document content keeps the event loop free', () => {
  it('applies relayed updates to a built Y.Doc in the background, so a read has little to catch up on', async () => {
    const { doc, updates } = history(720);
    const upTo700 = new Y.Doc();
    for (const u of updates.slice(0, 700)) Y.applyUpdate(upTo700, u);
    const content = new DocumentContent({ snapshot: null, updates: updates.slice(0, 100) });
    const live = await content.ready();
    let transactions = 0;
    live.on('afterTransaction', () => transactions++);
    for (const u of updates.slice(100, 700)) content.add(u);
    // Nothing applied within the turn that relayed them...
    expect(live.getText('t').toString()).not.toBe(upTo700.getText('t').toString());
    await nextTurn();
    // ...all of them right after it, in one transaction, without anyone reading.
    expect(transactions).toBe(1);
    expect(live.getText('t').toString()).toBe(upTo700.getText('t').toString());
    // Fewer than the catch-up threshold wait for the next read.
    for (const u of updates.slice(700)) content.add(u);
    await nextTurn();
    expect(transactions).toBe(1);
    expect((await content.ready()).getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('applies a few large relayed updates in the background too, before 64 of them pile up', async () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'start ');
    const content = new DocumentContent({ snapshot: null, updates: [...updates] });
    const live = await content.ready();
    // Two pasted blocks of 40 KB: 80 KB pending, well under the 64-update threshold.
    for (const block of ['a', 'b']) {
      source.getText('t').insert(source.getText('t').length, block.repeat(40 * 1024));
      content.add(updates[updates.length - 1]);
    }
    await nextTurn();
    expect(live.getText('t').length).toBe(source.getText('t').length);
    // One small update stays pending until a read (or the thresholds).
    source.getText('t').insert(0, 'x');
    content.add(updates[updates.length - 1]);
    await nextTurn();
    expect(live.getText('t').length).toBe(source.getText('t').length - 1);
  });

  it('a background catch-up that Yjs cannot apply does not escape into the event loop', async () => {
    const { updates } = history(100);
    const content = new DocumentContent({ snapshot: null, updates: updates.slice(0, 10) });
    const live = await content.ready();
    const textBefore = live.getText('t').toString();
    for (let i = 0; i < 64; i++) content.add(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
    await nextTurn();
    // Still usable: the next reads work (an escaped error would fail this test run).
    expect((await content.ready()).getText('t').toString()).toBe(textBefore);
    content.add(updates[10]);
    expect((await content.ready()).getText('t').length).toBeGreaterThan(0);
  });

  it('builds a Y.Doc from a long history in slices, letting other work run in between', async () => {
    const { doc, updates } = history(20_000);
    let turnsWhileBuilding = 0;
    let building = true;
    const tick = () => {
      if (!building) return;
      turnsWhileBuilding++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const built = await docFromStored({ snapshot: null, updates }, () => undefined);
    building = false;
    expect(built.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(turnsWhileBuilding).toBeGreaterThan(1);
  });
});
