import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import {
  addAction,
  addRow,
  moveItem,
  rowsOf,
  setTags,
  tagsOf,
  textOf,
  type YRecord,
} from './actionModel';

/** Two replicas that exchange updates only when told, like two people editing at once. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync, actions: (doc: Y.Doc) => doc.getArray<YRecord>('actions') };
}

describe('the action table as Yjs data', () => {
  it('creates an action with every field the server reads, nested lists as Yjs types', () => {
    const doc = new Y.Doc();
    const id = addAction(doc.getArray<YRecord>('actions'));
    const action = doc.getArray<YRecord>('actions').get(0);
    expect(action.toJSON()).toEqual({
      id,
      title: '',
      type: 'strategic',
      objective: '',
      leadOrganisation: '',
      startDate: null,
      endDate: null,
      cost: null,
      currency: 'EUR',
      status: 'proposed',
      funding: [],
      indicators: [],
      sdgs: [],
      themes: [],
      inspiredBy: [],
    });
    expect(action.get('funding')).toBeInstanceOf(Y.Array);
    expect(action.get('inspiredBy')).toBeInstanceOf(Y.Array);
  });

  it('keeps both people’s changes to different fields and rows of the same action', () => {
    const { a, b, sync, actions } = pair();
    addAction(actions(a));
    addRow(actions(a).get(0), 'indicators');
    sync();
    actions(a).get(0).set('title', 'Pilot bike lanes');
    actions(b).get(0).set('objective', 'More cycling on the Alameda');
    rowsOf(actions(a).get(0), 'indicators')!.get(0).set('name', 'Daily cyclists');
    rowsOf(actions(b).get(0), 'indicators')!.get(0).set('unit', 'cyclists/day');
    addRow(actions(b).get(0), 'funding');
    sync();
    for (const doc of [a, b]) {
      const action = actions(doc).get(0);
      expect(textOf(action, 'title')).toBe('Pilot bike lanes');
      expect(textOf(action, 'objective')).toBe('More cycling on the Alameda');
      expect(rowsOf(action, 'indicators')!.get(0).toJSON()).toMatchObject({
        name: 'Daily cyclists',
        unit: 'cyclists/day',
      });
      expect(rowsOf(action, 'funding')!.length).toBe(1);
    }
  });

  it('changes tags one by one, so a tag added meanwhile by someone else survives', () => {
    const { a, b, sync, actions } = pair();
    addAction(actions(a));
    sync();
    setTags(actions(a).get(0), 'sdgs', [11, 13]);
    setTags(actions(b).get(0), 'sdgs', [7]);
    sync();
    expect([...tagsOf(actions(a).get(0), 'sdgs')].sort()).toEqual([11, 13, 7].sort());
    setTags(actions(a).get(0), 'sdgs', [13]);
    sync();
    expect(tagsOf(actions(b).get(0), 'sdgs')).toEqual([13]);
  });

  it('keeps the library items two people cite in one action at once', () => {
    const { a, b, sync, actions } = pair();
    addAction(actions(a));
    sync();
    const practice = '0b6a4f4e-3c1d-4a55-9c1e-5b7f2d2a9e10';
    const report = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
    setTags(actions(a).get(0), 'inspiredBy', [practice]);
    setTags(actions(b).get(0), 'inspiredBy', [report]);
    sync();
    expect([...tagsOf(actions(a).get(0), 'inspiredBy')].sort()).toEqual([practice, report].sort());
    setTags(actions(b).get(0), 'inspiredBy', [report]);
    expect(tagsOf(actions(b).get(0), 'inspiredBy')).toEqual([report]);
  });

  it('moves an action with its whole content', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<YRecord>('actions');
    addAction(list);
    addAction(list);
    list.get(0).set('title', 'First');
    addRow(list.get(0), 'funding');
    moveItem(list, 0, 1);
    expect(list.toArray().map((x) => textOf(x, 'title'))).toEqual(['', 'First']);
    expect(rowsOf(list.get(1), 'funding')!.length).toBe(1);
    moveItem(list, 1, 5); // out of range: nothing happens
    expect(list.length).toBe(2);
  });
});
