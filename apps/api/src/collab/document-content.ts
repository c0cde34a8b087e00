/**
 * A live document's durable content, kept as bytes (the stored snapshot, then every update since)
 * with a Y.Doc built from them only when something reads it. A cold open is answered from the
 * bytes, and relayed updates are not applied one by one: once the Y.Doc exists, they are applied
 * a small batch at a time, after the turn that relayed them, so that no read ever has to catch up
 * on a long backlog while collaborators wait.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import * as Y from 'yjs';
import { AcceptedClocks } from './accepted-clocks.js';
import type { StoredDocument } from './update-log.repository.js';
import { mergedOrNull } from './update-rows.js';

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
/**
 * Longest a Y.Doc build holds the event loop before letting other work in. Fixed-size chunks held
 * it as long as their updates took to apply, which grows with the updates' size; every
 * collaborator on the server waited. Shorter slices cost the opener more transactions: in
 * bench:collab scenario 5 (a long trace), its cold open took ~1.3× as long at 2 ms, and stayed
 * within the run-to-run spread of 500-update chunks at 5 ms (121–162 ms against 130).
 */
const APPLY_SLICE_MS = 5;
/**
 * With a built Y.Doc, relayed updates are applied once this many are pending (64 typing updates:
 * ~0.1 ms), or once they hold this many bytes: a few pasted tables would otherwise pile up
 * megabytes that one catch-up applies in one long turn.
 */
const CATCH_UP_AFTER = 64;
const CATCH_UP_AFTER_BYTES = 64 * 1024;
/** An update that carries nothing: the sync answer for an empty document. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/** A sync answer: `updates` are sent as update messages first, then `step2` as sync step 2. */
export interface SyncAnswer {
  updates: Uint8Array[];
  step2: Uint8Array;
}

/**
 * Told of a stored update that Yjs could not apply (`at`: 'snapshot', 'seq N', or 'a live update'
 * for one not numbered here). It is skipped: whatever it integrated before throwing stays (Yjs
 * has no rollback), the updates after it still apply, and the document stays readable.
 */
export type SkippedUpdate = (at: string, error: unknown) => void;

/**
 * Applies updates to `doc` a slice of about APPLY_SLICE_MS per event-loop turn, so that a long log
 * does not stall the other documents. Each slice is one transaction; an update that throws is
 * skipped (see SkippedUpdate), not the rest of its slice.
 */
async function applyInSlices(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  labels: readonly (string | null)[],
  skipped: SkippedUpdate,
): Promise<void> {
  let next = 0;
  while (next < updates.length) {
    if (next > 0) await yieldToLoop();
    const deadline = performance.now() + APPLY_SLICE_MS;
    Y.transact(doc, () => {
      // The clock is read every 16 updates: a typing update applies in microseconds.
      do next = applyOne(doc, updates, labels, next, skipped);
      while (next < updates.length && (next % 16 !== 0 || performance.now() < deadline));
    });
  }
}

/** Applies `updates[i]` (skipping it if it throws); returns the next index. */
function applyOne(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  labels: readonly (string | null)[],
  i: number,
  skipped: SkippedUpdate,
): number {
  try {
    Y.applyUpdate(doc, updates[i]);
  } catch (err) {
    skipped(labels[i] ?? 'a live update', err);
  }
  return i + 1;
}

/**
 * A new Y.Doc holding a stored document (e.g. to compact it), built a slice at a time. Updates
 * that do not apply are skipped and reported to `skipped`.
 */
export async function docFromStored(
  stored: Pick<StoredDocument, 'snapshot' | 'updates' | 'seqs'>,
  skipped: SkippedUpdate,
): Promise<Y.Doc> {
  const doc = new Y.Doc({ gc: true });
  const labels = storedLabels(stored);
  await applyInSlices(
    doc,
    stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates,
    labels,
    skipped,
  );
  return doc;
}

/** How each entry of a stored document is named in reports, snapshot first. */
export function storedLabels(
  stored: Pick<StoredDocument, 'snapshot' | 'updates' | 'seqs'>,
): (string | null)[] {
  const rows = stored.updates.map((_, i) =>
    stored.seqs?.[i] !== undefined ? `seq ${stored.seqs[i]}` : null,
  );
  return stored.snapshot ? ['snapshot', ...rows] : rows;
}

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return Y.decodeStateVector(stateVector).size === 0;
}

export class DocumentContent {
  /**
   * Durable content in order. Before the Y.Doc exists: the snapshot (if any), then every update.
   * After: only the updates not yet applied to it.
   */
  private log: Uint8Array[];
  /** How each entry of `log` is named when it does not apply (null: a live update). */
  private labels: (string | null)[];
  private doc: Y.Doc | null = null;
  private building: Promise<Y.Doc> | null = null;
  private catchUpScheduled = false;
  /** Bytes in the log not yet applied to the built Y.Doc (counted only once it is built). */
  private pendingBytes = 0;
  private destroyed = false;

  constructor(
    stored: Pick<StoredDocument, 'snapshot' | 'updates' | 'seqs'>,
    private readonly skipped: SkippedUpdate = () => undefined,
  ) {
    this.log = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates.slice();
    this.labels = storedLabels(stored);
  }

  /** Adds a durable update (already applied nowhere). */
  add(update: Uint8Array): void {
    this.log.push(update);
    this.labels.push(null);
    if (!this.doc) return;
    this.pendingBytes += update.byteLength;
    if (
      (this.log.length >= CATCH_UP_AFTER || this.pendingBytes >= CATCH_UP_AFTER_BYTES) &&
      !this.catchUpScheduled
    ) {
      this.catchUpScheduled = true;
      setImmediate(() => {
        this.catchUpScheduled = false;
        if (this.doc) this.current(this.doc);
      });
    }
  }

  /** The clocks of everything added so far, applied or not (reads each entry not yet applied). */
  acceptedClocks(): AcceptedClocks {
    const state = this.doc
      ? Y.decodeStateVector(Y.encodeStateVector(this.doc))
      : new Map<number, number>();
    return AcceptedClocks.of(state, this.log);
  }

  /** Whether the Y.Doc exists (reading it then costs at most the pending updates). */
  get built(): boolean {
    return this.doc !== null;
  }

  /** The Y.Doc with every durable update so far; built on first use, a slice at a time. */
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
    if (
      !this.doc &&
      !this.building &&
      empty &&
      this.log.length > 2 &&
      this.log.length <= MAX_MERGED_ANSWER
    ) {
      // The stored snapshot as it is, and everything after it as one update; kept as the log so
      // that the next fresh client is answered without merging again.
      const merged = mergedOrNull(this.log.slice(1));
      if (merged) {
        this.log = [this.log[0], merged];
        this.labels = [this.labels[0], null];
      }
    }
    const parts =
      !this.doc && (empty ? this.log.length <= 2 : this.log.length <= MAX_BYTES_ANSWER)
        ? this.diffs(stateVector, empty)
        : null;
    // The client applies the later parts as pending until the first arrives, so that it has
    // everything when it counts itself synced (on step 2).
    if (parts) return { updates: parts.slice(1), step2: parts[0] ?? EMPTY_UPDATE };
    // Updates added while we waited are applied too before encoding.
    return { updates: [], step2: Y.encodeStateAsUpdate(await this.ready(), stateVector) };
  }

  /** The log's entries as a client with `stateVector` lacks them; null if a stored one is unreadable. */
  private diffs(stateVector: Uint8Array, empty: boolean): Uint8Array[] | null {
    if (empty) return this.log;
    try {
      return this.log.map((u) => Y.diffUpdate(u, stateVector));
    } catch {
      return null; // answered from the Y.Doc, which skips what does not apply
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.doc?.destroy();
    this.doc = null;
    this.log = [];
    this.labels = [];
  }

  private async build(): Promise<Y.Doc> {
    // Entries added meanwhile stay in the log and are applied by current().
    const upTo = this.log.length;
    const doc = new Y.Doc({ gc: true });
    await applyInSlices(doc, this.log.slice(0, upTo), this.labels.slice(0, upTo), this.skipped);
    if (this.destroyed) {
      doc.destroy();
      throw new Error('document unloaded');
    }
    this.doc = doc;
    this.log = this.log.slice(upTo);
    this.labels = this.labels.slice(upTo);
    this.pendingBytes = this.log.reduce((sum, u) => sum + u.byteLength, 0);
    this.building = null;
    return doc;
  }

  /** Applies the pending updates to `doc` (one transaction; a bounded number, see add) and returns it. */
  private current(doc: Y.Doc): Y.Doc {
    if (this.log.length) {
      const pending = this.log;
      const labels = this.labels;
      this.log = [];
      this.labels = [];
      this.pendingBytes = 0;
      Y.transact(doc, () => {
        for (let i = 0; i < pending.length;) i = applyOne(doc, pending, labels, i, this.skipped);
      });
    }
    return doc;
  }
}
