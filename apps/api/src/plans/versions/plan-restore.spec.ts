import * as Y from 'yjs';
import { readPlanContent } from '../documents/plan-content.js';
import { restoreUpdate } from './plan-restore.js';
import { addAction, completeAction, writeSection } from '../../test/plan-fixture.js';

/** A replica of `doc` (another editor's copy). */
const replica = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('restoreUpdate (Yjs, no server)', () => {
  const docs: Y.Doc[] = [];
  const doc = () => {
    const d = new Y.Doc();
    docs.push(d);
    return d;
  };
  afterEach(() => docs.splice(0).forEach((d) => d.destroy()));

  it("turns every section and the action table back into the version's, as an update that other replicas accept", () => {
    const live = doc();
    writeSection(live, 'vision', 'Old vision.');
    writeSection(live, 'risks', 'Floods.');
    addAction(live, completeAction('a1'));
    const version = replica(live);
    docs.push(version);

    writeSection(live, 'vision', 'New vision.');
    writeSection(live, 'context', 'Added later.');
    live.getArray('actions').delete(0, 1);
    addAction(live, completeAction('a2'));
    const other = replica(live);
    docs.push(other);

    const update = restoreUpdate(live, version)!;
    expect(update).toBeInstanceOf(Uint8Array);
    Y.applyUpdate(live, update);
    Y.applyUpdate(other, update);
    for (const d of [live, other]) {
      const content = readPlanContent(d);
      expect(content.sections.vision).toBe('Old vision.');
      expect(content.sections.risks).toBe('Floods.');
      expect(content.sections.context).toBe('');
      expect(content.actions.map((a) => a.id)).toEqual(['a1']);
      expect(content.actions[0].indicators[0].name).toBe('Lane built');
    }
  });

  it('restores one section only, leaving the others as they are now', () => {
    const live = doc();
    writeSection(live, 'vision', 'Old vision.');
    writeSection(live, 'risks', 'Old risks.');
    const version = replica(live);
    docs.push(version);
    writeSection(live, 'vision', 'New vision.');
    writeSection(live, 'risks', 'New risks.');
    Y.applyUpdate(live, restoreUpdate(live, version, 'risks')!);
    expect(readPlanContent(live).sections).toMatchObject({
      vision: 'New vision.',
      risks: 'Old risks.',
    });
  });

  it('answers null when the version and now are the same (nothing to write)', () => {
    const live = doc();
    writeSection(live, 'vision', 'Same.');
    addAction(live, completeAction('a1'));
    const version = replica(live);
    docs.push(version);
    expect(restoreUpdate(live, version)).toBeNull();
  });

  it('keeps formatting: marks and nested nodes come back as they were', () => {
    const live = doc();
    const fragment = live.getXmlFragment('section:vision');
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    item.insert(0, [p]);
    list.insert(0, [item]);
    fragment.insert(0, [list]);
    text.insert(0, 'bold words', { bold: true });
    const version = replica(live);
    docs.push(version);
    const before = fragment.toString();
    writeSection(live, 'vision', 'Plain.');
    Y.applyUpdate(live, restoreUpdate(live, version)!);
    expect(fragment.toString()).toBe(before);
    expect(before).toContain('<bold>bold words</bold>');
  });
});
