import { TokenBucket } from '../../common/token-bucket.js';

/** A token bucket per person, forgotten once full again (so the map holds only recent users). */
export class PersonRate {
  private readonly buckets = new Map<string, { bucket: TokenBucket; lastUsed: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  /** 0 when the person may go on (a token is taken), else the milliseconds to wait. */
  take(userId: string): number {
    this.prune();
    let entry = this.buckets.get(userId);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.perSecond, this.burst), lastUsed: 0 };
      this.buckets.set(userId, entry);
    }
    entry.lastUsed = performance.now();
    return entry.bucket.take() ? 0 : Math.max(1, entry.bucket.waitMs());
  }

  private prune(): void {
    if (this.buckets.size < 1000) return;
    const refilled = performance.now() - (this.burst / this.perSecond) * 1000;
    for (const [id, entry] of this.buckets) if (entry.lastUsed < refilled) this.buckets.delete(id);
  }
}
