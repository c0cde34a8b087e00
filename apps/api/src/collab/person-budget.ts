/**
 * What one person's co-editing connections may send together, a second: messages and bytes. One
 * budget is shared by all of a person's connections (see SharedPerKey), so 40 tabs get what one
 * gets; a client over it is slowed, not closed (see PacedInbox).
 */
import { refillMs, TokenBucket } from '../common/token-bucket.js';

export interface PersonBudgetLimits {
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
}

export class PersonBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(limits: PersonBudgetLimits) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
  }

  /** How long a spent budget takes to fill again: kept that long after its last connection. */
  static refillMs(limits: PersonBudgetLimits): number {
    return refillMs(
      { rate: limits.messagesPerSecond, burst: limits.messageBurst },
      { rate: limits.bytesPerSecond, burst: limits.byteBurst },
    );
  }

  /** Takes one message of `size` bytes: 0 when taken, else the ms until both budgets have it. */
  take(size: number): number {
    const wait = Math.max(this.messages.waitMs(1), this.bytes.waitMs(size));
    if (wait > 0) return wait;
    this.messages.take(1);
    this.bytes.take(size);
    return 0;
  }
}
