/**
 * Groups the items that arrive while a write is in flight into the next single write: a commit is
 * paid per batch, not per item, and an idle server writes each item at once. Each caller learns
 * when its own item is durable (or why it was refused).
 */
export type WriteBatch<T, R> = (items: T[]) => Promise<R[]>;

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: while items arrive at least one per 2 × `windowMs` on average, an idle batcher
 * waits `windowMs` before writing, so that the next items are likely to join the write. Under
 * light load it writes at once and keeps its latency.
 */
export interface GroupCommit {
  windowMs: number;
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
  ) {}

  write(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      const windowMs = this.windowMs();
      if (this.writing) return;
      this.writing = true;
      if (windowMs > 0) setTimeout(() => void this.flush(), windowMs);
      else void this.flush();
    });
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    for (let i = 0; i < 10_000 && (this.writing || this.queue.length); i++) await new Promise((r) => setTimeout(r, 1));
  }

  /** The group-commit wait an idle batcher would take for this item (0: none); tracks the load. */
  private windowMs(): number {
    if (!this.groupCommit) return 0;
    const now = performance.now();
    const gap = now - this.lastItemAt;
    this.lastItemAt = now;
    this.meanGapMs = this.meanGapMs === Infinity ? gap : this.meanGapMs + (gap - this.meanGapMs) * GAP_WEIGHT;
    return this.meanGapMs <= 2 * this.groupCommit.windowMs ? this.groupCommit.windowMs : 0;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.writeBatch(batch.map((p) => p.item));
          batch.forEach((p, i) => p.resolve(results[i]));
        } catch (err) {
          // One bad item must not fail its neighbours: retry each alone.
          if (batch.length === 1) batch[0].reject(err);
          else await Promise.all(batch.map((p) => this.writeBatch([p.item]).then(([r]) => p.resolve(r), p.reject)));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
