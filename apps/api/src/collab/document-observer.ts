import type * as Y from 'yjs';

/** Told when a live document's durable content changed (debounced by the server). */
export interface DocumentObserver {
  /** Whether this observer cares about the document (e.g. names starting with `plan.`). */
  observes(docName: string): boolean;
  documentChanged(docName: string, doc: Y.Doc): Promise<void>;
}

export const DOCUMENT_OBSERVERS = Symbol('DOCUMENT_OBSERVERS');
