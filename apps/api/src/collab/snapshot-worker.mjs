// Worker thread of SnapshotBuilder (snapshot-builder.ts): builds a document from its stored
// snapshot and updates and encodes its state, off the main event loop. Plain JavaScript so that the
// same file runs from the sources (tests) and from the build.
//
// It shares the server's cores: it applies the updates a slice at a time and pauses between
// slices, so that the main thread, woken by a collaborator's update, does not wait behind a long
// build for the operating system to give it the core back.
import { parentPort } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import * as Y from 'yjs';

const SLICE_MS = 4;
const PAUSE_MS = 1;

parentPort.on('message', async ({ id, parts, labels }) => {
  const doc = new Y.Doc({ gc: true });
  const unapplied = [];
  try {
    let next = 0;
    while (next < parts.length) {
      if (next > 0) await sleep(PAUSE_MS);
      const deadline = performance.now() + SLICE_MS;
      Y.transact(doc, () => {
        do {
          try {
            Y.applyUpdate(doc, parts[next]);
          } catch {
            // Left out, like docFromStored does: the caller refuses to compact over it.
            unapplied.push(labels[next]);
          }
          next++;
        } while (next < parts.length && performance.now() < deadline);
      });
    }
    const state = Y.encodeStateAsUpdate(doc);
    parentPort.postMessage({ id, state, unapplied }, [state.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.message ?? err) });
  } finally {
    doc.destroy();
  }
});
