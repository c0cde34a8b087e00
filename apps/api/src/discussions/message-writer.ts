/**
 * Groups the messages that arrive while a write is in flight into the next single INSERT: a commit
 * is paid per batch, not per message, and an idle server writes each message at once. Each caller
 * learns when its own message is durable (or why it was refused).
 */
import type { InsertOutcome, NewMessage } from './messages.repository.js';

export type InsertBatch = (messages: NewMessage[]) => Promise<InsertOutcome[]>;

interface Pending {
  message: NewMessage;
  resolve: (outcome: InsertOutcome) => void;
  reject: (err: unknown) => void;
}

export class MessageWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(
    private readonly insert: InsertBatch,
    private readonly maxBatch = 250,
  ) {}

  write(message: NewMessage): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (!this.writing) void this.flush();
    });
  }

  /** Resolves when everything queued so far is written (or failed). */
  async drain(): Promise<void> {
    for (let i = 0; i < 10_000 && (this.writing || this.queue.length); i++) await new Promise((r) => setTimeout(r, 1));
  }

  private async flush(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const outcomes = await this.insert(batch.map((p) => p.message));
          batch.forEach((p, i) => p.resolve(outcomes[i]));
        } catch (err) {
          // One bad row (say, a channel deleted meanwhile) must not fail its neighbours: retry alone.
          if (batch.length === 1) batch[0].reject(err);
          else await Promise.all(batch.map((p) => this.insert([p.message]).then(([o]) => p.resolve(o), p.reject)));
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
