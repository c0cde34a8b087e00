import * as Y from 'yjs';
import { ACTION_INSPIRED_BY_MAX } from '@iuc/domain';
import { actionToYMap, readAction } from './plan-content.js';

describe('readAction: inspiredBy', () => {
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const read = (inspiredBy: unknown[]) => {
    const doc = new Y.Doc();
    const actions = doc.getArray('actions');
    actions.push([actionToYMap({ id: 'a', inspiredBy: inspiredBy as string[] })]);
    return readAction(actions.get(0), 0).inspiredBy;
  };

  it('reads the Y.Array of library item ids', () => {
    expect(read([id(1), id(2)])).toEqual([id(1), id(2)]);
  });

  it('keeps only distinct uuids, at most ACTION_INSPIRED_BY_MAX', () => {
    expect(read([id(1), 'x', 7, id(1), null])).toEqual([id(1)]);
    const many = Array.from({ length: ACTION_INSPIRED_BY_MAX + 5 }, (_, n) => id(n));
    expect(read(many)).toHaveLength(ACTION_INSPIRED_BY_MAX);
  });

  it('reads an action without the field as citing nothing', () => {
    expect(readAction(new Y.Map(), 0).inspiredBy).toEqual([]);
  });
});
