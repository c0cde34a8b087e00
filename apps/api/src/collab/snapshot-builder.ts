/**
 * Builds a compacted snapshot (a document's stored snapshot and updates applied, then encoded) on
 * a worker thread. On the event loop, applying a large snapshot and encoding it again is one long
 * synchronous step: a 56,769-character document written keystroke by keystroke held every other
 * document's updates for about 145 ms at each compaction (bench:collab scenario 7; 23 ms p99 with
 * compaction off). One worker, started on first use, takes the builds in turn.
 */
import { Worker } from 'node:worker_threads';
import type { StoredDocument } from './update-log.repository.js';
import { storedLabels } from './document-content.js';

export interface BuiltSnapshot {
  state: Uint8Array;
  /** Entries that did not apply (see SkippedUpdate), named as in storedLabels. */
  unapplied: string[];
}

interface Reply {
  id: number;
  state?: Uint8Array;
  unapplied?: string[];
  error?: string;
}

export class SnapshotBuilder {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (b: BuiltSnapshot) => void; reject: (e: Error) => void }
  >();

  build(stored: Pick<StoredDocument, 'snapshot' | 'updates' | 'seqs'>): Promise<BuiltSnapshot> {
    const worker = this.started();
    const id = this.nextId++;
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    const labels = storedLabels(stored).map((label, i) => label ?? `entry ${i}`);
    return new Promise<BuiltSnapshot>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Kept alive only while it has work: an idle worker does not hold the process open.
      worker.ref();
      worker.postMessage({ id, parts, labels });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./snapshot-worker.mjs', import.meta.url));
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) =>
      this.fail(worker, new Error(`snapshot worker exited with ${code}`)),
    );
    this.worker = worker;
    return worker;
  }

  private settle({ id, state, unapplied, error }: Reply): void {
    const job = this.pending.get(id);
    if (!job) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    if (error !== undefined || !state) job.reject(new Error(error ?? 'no state'));
    else job.resolve({ state, unapplied: unapplied ?? [] });
  }

  /** The worker is gone: what it held fails (a compaction tried again later), the next build starts a new one. */
  private fail(worker: Worker, err: Error): void {
    if (this.worker === worker) this.worker = null;
    for (const job of this.pending.values()) job.reject(err);
    this.pending.clear();
  }
}
