/**
 * Runs work for queued keys one at a time, in the order they were queued. A key queued again while
 * it waits keeps its place (its work runs once); queued again while its work runs, it runs again
 * after. For background work that must not pile up when many keys fall due together.
 */
export class SerialQueue<K> {
  private readonly waiting = new Set<K>();
  private running: Promise<void> | null = null;

  constructor(private readonly work: (key: K) => Promise<void>) {}

  add(key: K): void {
    this.waiting.add(key);
    this.running ??= this.run();
  }

  /** Takes a key out of the queue before its turn; whether it was waiting. */
  remove(key: K): boolean {
    return this.waiting.delete(key);
  }

  /** Resolves when nothing is waiting or running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // A Set's iteration also visits the keys added while it runs.
    for (const key of this.waiting) {
      this.waiting.delete(key);
      // The work reports its own failures: one key's must not stop the others'.
      await this.work(key).catch(() => undefined);
    }
    this.running = null;
  }
}
