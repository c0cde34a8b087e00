/** Yjs updates merged before they are stored or sent. */
import * as Y from 'yjs';

/** The updates merged into one, or null when one of them is unreadable (the caller keeps them apart). */
export function mergedOrNull(updates: readonly Uint8Array[]): Uint8Array | null {
  try {
    return Y.mergeUpdates(updates as Uint8Array[]);
  } catch {
    return null;
  }
}

/**
 * One row per document and write: a document's updates in a batch merged into one (in order). A
 * fast writer's batch of 500 keystrokes is then one row, not 500 (PostgreSQL's cost is per row:
 * WAL, index), and compaction has fewer rows to read and delete. Updates Yjs cannot merge stay
 * apart.
 */
export function rowsPerDocument(items: readonly { docName: string; update: Uint8Array }[]): {
  docNames: string[];
  updates: Uint8Array[];
} {
  const byDocument = new Map<string, Uint8Array[]>();
  for (const { docName, update } of items) {
    const updates = byDocument.get(docName);
    if (updates) updates.push(update);
    else byDocument.set(docName, [update]);
  }
  const docNames: string[] = [];
  const updates: Uint8Array[] = [];
  for (const [docName, list] of byDocument) {
    const merged = list.length > 1 ? mergedOrNull(list) : null;
    for (const update of merged ? [merged] : list) {
      docNames.push(docName);
      updates.push(update);
    }
  }
  return { docNames, updates };
}
