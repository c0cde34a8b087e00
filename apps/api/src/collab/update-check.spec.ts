import * as Y from 'yjs';
import { encodeStructs } from '../test/yjs-structs.js';
import { ProtocolError } from './protocol.js';
import { checkUpdate } from './update-check.js';

/** The update of issue 21: its third struct's parent is its own client's clock 127, ahead of it. */
const ISSUE_UPDATE = Uint8Array.from(
  Buffer.from(
    '01054d0007010f73656374696f6e3a636f6e74657874030970617261677261706807004d000604004d7f0b68656c6c6f20776f726c64070107616374696f6e730128004d0d057469746c650177017800',
    'hex',
  ),
);

function refusal(update: Uint8Array): string | null {
  try {
    checkUpdate(update);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as ProtocolError).closeCode).toBe(4400);
    return (err as Error).message;
  }
}

/** A writer's edits as separate updates: typing, formatting, a map, a nested type, deletions. */
function edits(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment('section:context').push([paragraph]);
  for (const ch of 'hello world') text.insert(text.length, ch);
  text.format(0, 5, { bold: true });
  text.delete(0, 6);
  const action = new Y.Map<unknown>();
  doc.getArray('actions').push([action]);
  action.set('title', 'x');
  action.set('title', 'y');
  action.set('sdgs', new Y.Array());
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

describe('checkUpdate', () => {
  it('accepts what real editors send, and tells empty updates apart', () => {
    for (const update of edits()) expect(checkUpdate(update)).toEqual({ empty: false });
    expect(checkUpdate(new Uint8Array([0, 0]))).toEqual({ empty: true });
  });

  it('refuses the update of issue 21 (it throws when applied, even to an empty document)', () => {
    expect(() => Y.applyUpdate(new Y.Doc(), ISSUE_UPDATE)).toThrow();
    expect(refusal(ISSUE_UPDATE)).toMatch(/own future/);
  });

  it('refuses a bad struct that Yjs would park, and that would throw later inside an innocent update', () => {
    // The issue's update moved 50 clocks ahead: Yjs keeps it pending (it misses clocks 0–49)...
    const { structs } = Y.decodeUpdate(ISSUE_UPDATE);
    for (const s of structs) s.id.clock += 50;
    const parked = encodeStructs(structs);
    const doc = new Y.Doc();
    expect(() => Y.applyUpdate(doc, parked)).not.toThrow();
    // ...and applies it when they arrive, inside the update that brought them: that one throws.
    const filler = new Y.Doc();
    filler.clientID = 0x4d;
    filler.getText('t').insert(0, 'x'.repeat(50));
    expect(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(filler))).toThrow();
    expect(checkUpdate(Y.encodeStateAsUpdate(filler))).toEqual({ empty: false });
    expect(refusal(parked)).toMatch(/own future/);
  });

  it('refuses empty structs, empty deleted ranges, sub-documents and undecodable bytes', () => {
    const [typing] = edits().slice(1, 2);
    const empty = Y.decodeUpdate(typing);
    (empty.structs[0] as Y.Item).content = new Y.ContentString('');
    expect(refusal(encodeStructs(empty.structs, empty.ds))).toMatch(/empty struct/);

    const subdoc = Y.decodeUpdate(typing);
    (subdoc.structs[0] as Y.Item).content = new Y.ContentDoc(new Y.Doc());
    expect(refusal(encodeStructs(subdoc.structs, subdoc.ds))).toMatch(/sub-document/);

    // No structs; deletes client 11's clock 22, length 0: written back as pending, Yjs throws.
    const emptyRange = new Uint8Array([0, 1, 11, 1, 22, 0]);
    expect(() => Y.applyUpdate(new Y.Doc(), emptyRange)).toThrow();
    expect(refusal(emptyRange)).toMatch(/empty deleted range/);

    expect(refusal(new Uint8Array([1, 2, 3, 4, 5, 6, 7]))).toBe('undecodable update');

    // Yjs integrates only a client's last run; other readers (diffUpdate, merges) take both.
    const runOf = (client: number, clock: number) => {
      const doc = new Y.Doc();
      doc.clientID = client;
      doc.getText('t').insert(0, 'x'.repeat(clock + 1));
      // One client, no deletions: [1, the run..., 0]; the run alone is what lies between.
      return [...Y.encodeStateAsUpdate(doc, Y.encodeStateVector(new Map([[client, clock]])))].slice(
        1,
        -1,
      );
    };
    const twice = new Uint8Array([3, ...runOf(5, 0), ...runOf(6, 0), ...runOf(5, 1), 0]);
    expect(() => Y.decodeUpdate(twice)).not.toThrow();
    expect(refusal(twice)).toMatch(/client written twice/);
  });
});
