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

export class WriteBatcher<T, R> {
  private queue: Pending<T, R>[] = [];
  private writing = false;

  /**
   * `gather`: an idle batcher waits for the end of the current event-loop phase before writing, so
   * that items arriving together (e.g. frames read from many sockets at once) share one write.
   */
  constructor(
    private readonly writeBatch: WriteBatch<T, R>,
    private readonly maxBatch = 250,
    private readonly gather = false,
  ) {}

  write(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      if (this.gather) setImmediate(() => void this.flush());
      else void this.flush();
    });
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    for (let i = 0; i < 10_000 && (this.writing || this.queue.length); i++) await new Promise((r) => setTimeout(r, 1));
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
