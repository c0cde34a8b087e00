import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { rowsPerDocument } from './update-rows.js';

/** Three typing updates of one document, in order. */
function typing(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const word of ['one ', 'two ', 'three'])
    doc.getText('t').insert(doc.getText('t').length, word);
  return updates;
}

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

describe('rowsPerDocument', () => {
  it("merges each document's updates of a write into one row, with the same content", () => {
    const a = typing();
    const b = typing();
    const rows = rowsPerDocument([
      { docName: 'a', update: a[0] },
      { docName: 'b', update: b[0] },
      { docName: 'a', update: a[1] },
      { docName: 'a', update: a[2] },
    ]);
    expect(rows.docNames).toEqual(['a', 'b']);
    expect(textOf([rows.updates[0]])).toBe('one two three');
    expect(textOf([rows.updates[1]])).toBe('one ');
  });

  it('keeps updates apart when Yjs cannot merge them', () => {
    const rows = rowsPerDocument([
      { docName: 'a', update: new Uint8Array([1, 2, 3]) },
      { docName: 'a', update: typing()[0] },
    ]);
    expect(rows.docNames).toEqual(['a', 'a']);
  });
});
