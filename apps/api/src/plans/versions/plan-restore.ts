/**
 * Restoring a version as a new change: the Yjs update that turns the current document's sections
 * (or one of them) back into the version's, computed on a copy of the current state so that it
 * applies cleanly on top of it. History stays: nothing is rewound, the old content is written anew.
 */
import * as Y from 'yjs';
import {
  ACTIONS_ARRAY_NAME,
  PLAN_SECTION_KEYS,
  sectionFragmentName,
  type PlanSectionKey,
} from '@iuc/domain';

type XmlChild = Y.XmlElement | Y.XmlText;

const copy = <T>(item: T): T => (item instanceof Y.AbstractType ? (item.clone() as T) : item);

function replaceFragment(target: Y.XmlFragment, source: Y.XmlFragment): void {
  if (target.toString() === source.toString()) return;
  target.delete(0, target.length);
  target.insert(0, (source.toArray() as XmlChild[]).map(copy));
}

function replaceArray(target: Y.Array<unknown>, source: Y.Array<unknown>): void {
  if (JSON.stringify(target.toJSON()) === JSON.stringify(source.toJSON())) return;
  target.delete(0, target.length);
  target.insert(0, source.toArray().map(copy));
}

/**
 * The update that makes `current` show the version's content, for all sections or one (the
 * `actions` section also brings back the action table). Null when nothing differs.
 */
export function restoreUpdate(
  current: Y.Doc,
  version: Y.Doc,
  section?: PlanSectionKey,
): Uint8Array | null {
  const work = new Y.Doc();
  try {
    Y.applyUpdate(work, Y.encodeStateAsUpdate(current));
    const updates: Uint8Array[] = [];
    work.on('update', (update: Uint8Array) => updates.push(update));
    work.transact(() => {
      for (const key of section ? [section] : PLAN_SECTION_KEYS) {
        replaceFragment(
          work.getXmlFragment(sectionFragmentName(key)),
          version.getXmlFragment(sectionFragmentName(key)),
        );
      }
      if (!section || section === 'actions') {
        replaceArray(work.getArray(ACTIONS_ARRAY_NAME), version.getArray(ACTIONS_ARRAY_NAME));
      }
    });
    return updates.length ? Y.mergeUpdates(updates) : null;
  } finally {
    work.destroy();
  }
}

/** A fresh document holding a stored state (the caller destroys it). */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
