/**
 * One value shared by everyone who holds a lease on the same key: e.g. one person's rate budget
 * (token buckets) across all their connections, so that opening more sockets buys no more
 * messages. A key's value outlives its last lease by `keepIdleMs` (for a token bucket: the time it
 * takes to refill), so that closing every connection and opening a new one does not reset it.
 *
 * State is per process: with several API instances behind a balancer, a person's budget is shared
 * by their connections to the same instance.
 */
export interface Lease<T> {
  readonly value: T;
  /** Idempotent: ends this lease once. */
  release(): void;
}

interface Entry<T> {
  value: T;
  leases: number;
  expiry: NodeJS.Timeout | null;
}

export class SharedPerKey<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly create: (key: string) => T,
    private readonly keepIdleMs: number,
  ) {}

  acquire(key: string): Lease<T> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { value: this.create(key), leases: 0, expiry: null };
      this.entries.set(key, entry);
    }
    if (entry.expiry) clearTimeout(entry.expiry);
    entry.expiry = null;
    entry.leases++;
    const held = entry;
    let released = false;
    return {
      value: held.value,
      release: () => {
        if (released) return;
        released = true;
        if (--held.leases > 0) return;
        held.expiry = setTimeout(() => {
          if (held.leases === 0 && this.entries.get(key) === held) this.entries.delete(key);
        }, this.keepIdleMs);
        held.expiry.unref();
      },
    };
  }

  /** Keys with a value (leased, or idle and not yet expired). */
  get size(): number {
    return this.entries.size;
  }
}
