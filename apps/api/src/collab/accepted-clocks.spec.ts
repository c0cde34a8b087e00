import * as Y from 'yjs';
import { encodeStructs } from '../test/yjs-structs.js';
import { AcceptedClocks } from './accepted-clocks.js';
import { checkUpdate } from './update-check.js';

/** Client 22 typed into a paragraph that was then deleted: its clocks 1–7 are garbage-collected. */
function docWithCollectedRun(): Y.Doc {
  const writer = new Y.Doc();
  writer.clientID = 22;
  const fragment = writer.getXmlFragment('section:context');
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  fragment.insert(0, [paragraph]);
  paragraph.insert(0, [text]);
  for (const ch of 'abcdef') text.insert(text.length, ch);
  fragment.delete(0, 1);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer));
  return doc;
}

/** Ten items of client 22 from `clock` on, at the start of the root array 'actions'. */
function forgedRun(clock: number): Uint8Array {
  const forger = new Y.Doc();
  forger.clientID = 22;
  forger.getArray('actions').insert(0, [...'0123456789']);
  const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(forger));
  for (const s of structs) s.id.clock = clock;
  return encodeStructs(structs);
}

describe('AcceptedClocks', () => {
  it('cuts a forged run over collected clocks, which Yjs would throw on (fuzz counterexample, reduced)', () => {
    const forged = forgedRun(3);
    expect(checkUpdate(forged)).toEqual({ empty: false });
    expect(() => Y.applyUpdate(docWithCollectedRun(), forged)).toThrow(/reading 'origin'/);

    const doc = docWithCollectedRun();
    const accepted = AcceptedClocks.of(new Map(), [Y.encodeStateAsUpdate(doc)]);
    const cut = accepted.admit(forged);
    expect(Y.parseUpdateMeta(cut).from.get(22)).toBe(8);
    expect(() => Y.applyUpdate(doc, cut)).not.toThrow();
    Y.encodeStateAsUpdate(doc);
  });

  it('reads the clocks of a built document, and counts them only as far as they run without a gap', () => {
    const doc = docWithCollectedRun();
    const accepted = AcceptedClocks.of(Y.decodeStateVector(Y.encodeStateVector(doc)), []);
    const parked = forgedRun(9); // misses clock 8: may still come, so not counted
    expect(accepted.admit(parked)).toBe(parked);
    expect(Y.parseUpdateMeta(accepted.admit(forgedRun(3))).from.get(22)).toBe(8);
  });

  it('keeps updates that bring only new clocks as they are, and genuine overlaps mean the same', () => {
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    const text = writer.getText('t');
    for (const ch of 'hello') text.insert(text.length, ch);
    const accepted = AcceptedClocks.of(new Map(), []);
    for (const u of updates.slice(0, 3)) expect(accepted.admit(u)).toBe(u);
    // A peer's merged copy of all five keystrokes: the first three are cut, the rest applies.
    const merged = Y.mergeUpdates(updates);
    const server = new Y.Doc();
    updates.slice(0, 3).forEach((u) => Y.applyUpdate(server, u));
    Y.applyUpdate(server, accepted.admit(merged));
    expect(server.getText('t').toString()).toBe('hello');
  });
});
