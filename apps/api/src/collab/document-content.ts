/**
 * A live document's durable content, kept as bytes (the stored snapshot, then every update since)
 * with a Y.Doc built from them only when something reads it. A cold open is answered from the
 * bytes, and relayed updates are not applied one by one: they are applied in one transaction when
 * the Y.Doc is next read (projections, REST reads, joins).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import * as Y from 'yjs';
import type { StoredDocument } from './update-log.repository.js';

/**
 * A client with part of the content is answered from the bytes (a diff per entry) while the log
 * holds at most this many entries; more, from the Y.Doc.
 */
const MAX_BYTES_ANSWER = 64;
/**
 * A client with nothing is answered from the bytes while the log holds at most this many entries,
 * the entries after the snapshot merged into one update (merging is linear up to about this
 * many small updates; a 373-entry tail merges in ~15 ms where building the Y.Doc takes ~500 ms).
 */
const MAX_MERGED_ANSWER = 1000;
/** Updates applied per event-loop turn while a Y.Doc is built. */
const APPLY_CHUNK = 500;
/** With a built Y.Doc, the log is folded into one entry when it reaches this length. */
const MAX_LOG = 1000;
/** An update that carries nothing: the sync answer for an empty document. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** A sync answer: `updates` are sent as update messages first, then `step2` as sync step 2. */
export interface SyncAnswer {
  updates: Uint8Array[];
  step2: Uint8Array;
}

/**
 * Applies updates to `doc` a chunk per event-loop turn, so that a long log does not stall the
 * other documents. Each chunk is one transaction.
 */
async function applyInChunks(doc: Y.Doc, updates: readonly Uint8Array[]): Promise<void> {
  for (let i = 0; i < updates.length; i += APPLY_CHUNK) {
    if (i > 0) await yieldToLoop();
    Y.transact(doc, () => {
      for (const u of updates.slice(i, i + APPLY_CHUNK)) Y.applyUpdate(doc, u);
    });
  }
}

/** A new Y.Doc holding a stored document (e.g. to compact it), built a chunk at a time. */
export async function docFromStored(stored: Pick<StoredDocument, 'snapshot' | 'updates'>): Promise<Y.Doc> {
  const doc = new Y.Doc({ gc: true });
  await applyInChunks(doc, stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates);
  return doc;
}

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0;
}

export class DocumentContent {
  /** Durable content in order: the snapshot (if any) first, then updates. */
  private log: Uint8Array[];
  private doc: Y.Doc | null = null;
  /** How many entries of `log` are in `doc`. */
  private applied = 0;
  private building: Promise<Y.Doc> | null = null;
  private destroyed = false;

  constructor({ snapshot, updates }: Pick<StoredDocument, 'snapshot' | 'updates'>) {
    this.log = snapshot ? [snapshot, ...updates] : updates.slice();
  }

  /** Adds a durable update (already applied nowhere). */
  add(update: Uint8Array): void {
    this.log.push(update);
    if (this.doc && this.log.length >= MAX_LOG) this.fold(this.current(this.doc));
  }

  /** Whether the Y.Doc exists (reading it then costs at most the pending updates). */
  get built(): boolean {
    return this.doc !== null;
  }

  /** The Y.Doc with every durable update so far; built on first use, a chunk at a time. */
  async ready(): Promise<Y.Doc> {
    if (this.doc) return this.current(this.doc);
    this.building ??= this.build();
    return this.current(await this.building);
  }

  /**
   * What a client with `stateVector` lacks. From the bytes while the Y.Doc is not built and the
   * log is short: an empty client gets the stored bytes as they are, without decoding them.
   */
  async answer(stateVector: Uint8Array): Promise<SyncAnswer> {
    const empty = isEmptyStateVector(stateVector);
    // Not while a build is reading the log (it counts on the log's entries staying as they are).
    if (!this.doc && !this.building && empty && this.log.length > 2 && this.log.length <= MAX_MERGED_ANSWER) {
      // The stored snapshot as it is, and everything after it as one update; kept as the log so
      // that the next fresh client is answered without merging again.
      this.log = [this.log[0], Y.mergeUpdates(this.log.slice(1))];
    }
    if (!this.doc && (empty ? this.log.length <= 2 : this.log.length <= MAX_BYTES_ANSWER)) {
      const parts = empty ? this.log : this.log.map((u) => Y.diffUpdate(u, stateVector));
      // The client applies the later parts as pending until the first arrives, so that it has
      // everything when it counts itself synced (on step 2).
      return { updates: parts.slice(1), step2: parts[0] ?? EMPTY_UPDATE };
    }
    await this.ready();
    // Updates added while we waited are in the log: apply them too before encoding.
    const state = Y.encodeStateAsUpdate(this.current(this.doc as Y.Doc), stateVector);
    // The whole state was just encoded anyway: keep it as the log, so that the next empty client
    // gets it as is.
    if (empty) this.fold(state);
    return { updates: [], step2: state };
  }

  destroy(): void {
    this.destroyed = true;
    this.doc?.destroy();
    this.doc = null;
    this.log = [];
  }

  private async build(): Promise<Y.Doc> {
    // Entries added meanwhile are applied by current().
    const upTo = this.log.length;
    const doc = await docFromStored({ snapshot: null, updates: this.log.slice(0, upTo) });
    if (this.destroyed) {
      doc.destroy();
      throw new Error('document unloaded');
    }
    this.doc = doc;
    this.applied = upTo;
    this.building = null;
    return doc;
  }

  /** Applies the pending updates to `doc` (one transaction) and returns it. */
  private current(doc: Y.Doc): Y.Doc {
    if (this.applied < this.log.length) {
      const pending = this.log.slice(this.applied);
      Y.transact(doc, () => {
        for (const u of pending) Y.applyUpdate(doc, u);
      });
      this.applied = this.log.length;
    }
    return doc;
  }

  /** Replaces the log by one entry equal to the whole of `doc`. */
  private fold(state: Uint8Array | Y.Doc): void {
    this.log = [state instanceof Uint8Array ? state : Y.encodeStateAsUpdate(state)];
    this.applied = 1;
  }
}
