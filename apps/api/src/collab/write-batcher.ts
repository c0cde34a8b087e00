/**
 * Groups the updates that arrive while a write is in flight into the next single INSERT, so a
 * commit is paid per batch, not per keystroke. Each caller learns when its own update is durable.
 */
export type AppendBatch = (docNames: string[], updates: Uint8Array[]) => Promise<string[]>;

interface Pending {
  docName: string;
  update: Uint8Array;
  resolve: (seq: string) => void;
  reject: (err: unknown) => void;
}

export class WriteBatcher {
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    private readonly append: AppendBatch,
    private readonly maxBatch = 500,
  ) {}

  /** Resolves with the update's sequence number once it is committed. */
  write(docName: string, update: Uint8Array): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ docName, update, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    while (this.writing || this.queue.length) await new Promise((r) => setTimeout(r, 1));
  }

  private async flush(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const seqs = await this.append(
            batch.map((p) => p.docName),
            batch.map((p) => p.update),
          );
          batch.forEach((p, i) => p.resolve(seqs[i]));
        } catch (err) {
          batch.forEach((p) => p.reject(err));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
