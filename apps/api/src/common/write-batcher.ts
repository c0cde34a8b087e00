/**
 * Groups the items that arrive while a write is in flight into the next single write: a commit is
 * paid per batch, not per item, and an idle server writes each item at once. Each caller learns
 * when its own item is durable (or why it was refused).
 */
export type WriteBatch<T, R> = (items: T[]) => Promise<R[]>;

interface Pending<T, R> {
  item: T;
  /** performance.now() when it was written. */
  arrivedAt: number;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: while the load says at least `minShare` items arrive in `windowMs` (by the running
 * mean of the gaps between items), every write waits first, so that those items share it: a commit
 * costs the database and the server a round trip each, whatever it holds. Under light load the
 * batcher writes at once and keeps its latency.
 */
export interface GroupCommit {
  /** The longest wait before a write. */
  windowMs: number;
  /** Items expected within the window for the wait to be worth it (default 2). */
  minShare?: number;
  /**
   * Wait only as long as this many items take to arrive, when that is shorter than the window
   * (default: always the whole window). Keeps both the latency low under heavy load and the
   * commits few under middling load.
   */
  targetBatch?: number;
}

/** Weight of the newest gap in the running mean of the gaps between items. */
const GAP_WEIGHT = 1 / 16;

export class WriteBatcher<T, R> {
  private queue: Pending<T, R>[] = [];
  private writing = false;
  /** Running mean of the time between items (ms), for the group-commit window. */
  private meanGapMs = Infinity;
  private lastItemAt = -Infinity;

  constructor(
    private readonly writeBatch: WriteBatch<T, R>,
    private readonly maxBatch = 250,
    private readonly groupCommit: GroupCommit | null = null,
    /**
     * The source of an item (e.g. its document). When more waits than one write takes, every
     * source gets a fair share of the write, in order within each source: a source that floods
     * the queue does not push everyone else's items to later writes.
     */
    private readonly sourceOf: ((item: T) => unknown) | null = null,
  ) {}

  write(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      const arrivedAt = performance.now();
      this.queue.push({ item, arrivedAt, resolve, reject });
      this.trackLoad(arrivedAt);
      if (this.writing) return;
      this.writing = true;
      void this.flush();
    });
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    for (let i = 0; i < 10_000 && (this.writing || this.queue.length); i++)
      await new Promise((r) => setTimeout(r, 1));
  }

  private trackLoad(now: number): void {
    if (!this.groupCommit) return;
    const gap = now - this.lastItemAt;
    this.lastItemAt = now;
    this.meanGapMs =
      this.meanGapMs === Infinity ? gap : this.meanGapMs + (gap - this.meanGapMs) * GAP_WEIGHT;
  }

  /** How long the next write waits for company (0: not at all). */
  private windowMs(): number {
    if (!this.groupCommit || this.queue.length >= this.maxBatch) return 0;
    const { windowMs, minShare = 2, targetBatch = Infinity } = this.groupCommit;
    if (windowMs / this.meanGapMs < minShare) return 0;
    return Math.min(windowMs, targetBatch * this.meanGapMs);
  }

  private takeBatch(): Pending<T, R>[] {
    const sourceOf = this.sourceOf;
    if (!sourceOf || this.queue.length <= this.maxBatch) return this.queue.splice(0, this.maxBatch);
    const waiting = new Map<unknown, number>();
    for (const p of this.queue) {
      const source = sourceOf(p.item);
      waiting.set(source, (waiting.get(source) ?? 0) + 1);
    }
    // Fair shares: sources with few items get them all; what they leave is split among the rest.
    const quota = new Map<unknown, number>();
    let room = this.maxBatch;
    let left = waiting.size;
    for (const [source, count] of [...waiting].sort((a, b) => a[1] - b[1])) {
      const share = Math.min(count, Math.max(1, Math.floor(room / left--)));
      quota.set(source, share);
      room -= share;
    }
    const batch: Pending<T, R>[] = [];
    const rest: Pending<T, R>[] = [];
    for (const p of this.queue) {
      const source = sourceOf(p.item);
      const q = quota.get(source) ?? 0;
      if (q > 0 && batch.length < this.maxBatch) {
        quota.set(source, q - 1);
        batch.push(p);
      } else rest.push(p);
    }
    this.queue = rest;
    return batch;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length) {
        // The window runs from the oldest item's arrival: items that came while the previous write
        // was in flight have waited part of it already (waiting it whole after that write added
        // the write's time to their latency, and nothing to the batch).
        const wait = this.windowMs() - (performance.now() - this.queue[0].arrivedAt);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const batch = this.takeBatch();
        try {
          const results = await this.writeBatch(batch.map((p) => p.item));
          batch.forEach((p, i) => p.resolve(results[i]));
        } catch (err) {
          // One bad item must not fail its neighbours: retry each alone.
          if (batch.length === 1) batch[0].reject(err);
          else
            await Promise.all(
              batch.map((p) => this.writeBatch([p.item]).then(([r]) => p.resolve(r), p.reject)),
            );
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
