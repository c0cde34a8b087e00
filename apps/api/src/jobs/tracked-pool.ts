import type { Pool } from 'pg';

/**
 * pg-boss's database port over the application's own pool (no second pool to open and close per
 * application), counting the statements in flight so shutdown can wait for the last one before the
 * pool ends. After `close()` a statement answers nothing (as pg-boss's own closed pool does, which
 * its completion code expects) instead of touching an ending pool.
 */
export class TrackedPool {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly pool: Pool) {}

  executeSql = (text: string, values?: unknown[]): Promise<{ rows: unknown[] }> => {
    if (this.closed) return Promise.resolve(undefined as unknown as { rows: unknown[] });
    const query = this.pool.query(text, values);
    this.inFlight.add(query);
    void query.then(
      () => this.inFlight.delete(query),
      () => this.inFlight.delete(query),
    );
    return query;
  };

  /** Refuses new statements and waits for those running. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }
}
