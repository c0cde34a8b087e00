// Worker thread of SnapshotBuilder (snapshot-builder.ts): builds a document from its stored
// snapshot and updates and encodes its state, off the main event loop. Plain JavaScript so that the
// same file runs from the sources (tests) and from the build.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort.on('message', ({ id, parts, labels }) => {
  const doc = new Y.Doc({ gc: true });
  const unapplied = [];
  try {
    Y.transact(doc, () => {
      parts.forEach((part, i) => {
        try {
          Y.applyUpdate(doc, part);
        } catch {
          // Left out, like docFromStored does: the caller refuses to compact over it.
          unapplied.push(labels[i]);
        }
      });
    });
    const state = Y.encodeStateAsUpdate(doc);
    parentPort.postMessage({ id, state, unapplied }, [state.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.message ?? err) });
  } finally {
    doc.destroy();
  }
});
