/** A token bucket: `rate` tokens a second, bursts up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Milliseconds until `cost` tokens are there (0: now). A cost above the burst waits for a full bucket. */
  waitMs(cost = 1): number {
    this.refill();
    const missing = Math.min(cost, this.burst) - this.tokens;
    return missing <= 0 ? 0 : (missing / this.rate) * 1000;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

/**
 * How long buckets of these rates and bursts take to fill again from empty (ms): how long a spent
 * budget must be kept after its last user so that coming back does not refill it.
 */
export function refillMs(...buckets: { rate: number; burst: number }[]): number {
  return Math.ceil(Math.max(...buckets.map((b) => b.burst / b.rate)) * 1000);
}
