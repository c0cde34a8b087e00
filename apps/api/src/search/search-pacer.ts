import { HttpStatus, Injectable } from '@nestjs/common';
import { codedError } from '../common/coded-error.js';
import { RetryLaterException } from '../common/retry-later.exception.js';
import { refillMs, TokenBucket } from '../common/token-bucket.js';

/**
 * Searches per person: a steady 5 a second (the header's suggestions, typed fast) with bursts of
 * 20. Beyond that a search waits for its turn, up to `maxWaitMs`; only a client that keeps going
 * past that is told to wait (429 with Retry-After). Per instance: several instances each pace.
 */
export const SEARCH_PACE = { rate: 5, burst: 20, maxWaitMs: 2_000 };
/** People remembered at most; idle ones (their bucket full again) are forgotten first. */
const MAX_PEOPLE = 20_000;

export class SearchTooFastException extends RetryLaterException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      codedError('search.too_fast', 'Too many searches at once. Try again in a moment.'),
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

interface Budget {
  bucket: TokenBucket;
  lastUsed: number;
  /** Searches waiting for a token now. */
  waiting: number;
}

@Injectable()
export class SearchPacer {
  private readonly budgets = new Map<string, Budget>();
  private readonly idleMs = refillMs(SEARCH_PACE);

  /** Resolves when the person may search (at once, or after a short wait); throws when too fast. */
  async admit(userId: string): Promise<void> {
    const budget = this.budgetOf(userId);
    budget.lastUsed = performance.now();
    // Waiting searches hold their place: the next one waits behind them.
    const waitMs = budget.bucket.waitMs(1 + budget.waiting);
    if (waitMs > SEARCH_PACE.maxWaitMs) {
      throw new SearchTooFastException(Math.ceil(waitMs / 1000));
    }
    if (waitMs > 0) {
      budget.waiting++;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      budget.waiting--;
    }
    budget.bucket.take();
  }

  private budgetOf(userId: string): Budget {
    let budget = this.budgets.get(userId);
    if (!budget) {
      if (this.budgets.size >= MAX_PEOPLE) this.forgetIdle();
      budget = {
        bucket: new TokenBucket(SEARCH_PACE.rate, SEARCH_PACE.burst),
        lastUsed: 0,
        waiting: 0,
      };
      this.budgets.set(userId, budget);
    }
    return budget;
  }

  private forgetIdle(): void {
    const now = performance.now();
    for (const [userId, budget] of this.budgets) {
      if (budget.waiting === 0 && now - budget.lastUsed > this.idleMs) this.budgets.delete(userId);
    }
    // Everyone busy: the oldest go (their next search starts with a full bucket).
    for (const userId of this.budgets.keys()) {
      if (this.budgets.size < MAX_PEOPLE) break;
      this.budgets.delete(userId);
    }
  }
}
