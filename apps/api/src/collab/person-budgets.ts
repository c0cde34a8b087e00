/**
 * What one person, and one address, may take of the sync server, whatever the number of their
 * connections: how many connections they hold, and one budget of messages and bytes a second
 * shared by all of their connections (40 tabs get what one gets). Per instance: with several API
 * instances behind a balancer, each enforces its own.
 */
import { TokenBucket } from '../common/token-bucket.js';

export interface PersonLimits {
  /** Messages a second one person's connections may send together, and the burst. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes a second one person's connections may send together, and the burst. */
  bytesPerSecond: number;
  byteBurst: number;
  maxConnectionsPerPerson: number;
  maxConnectionsPerAddress: number;
}

/** One person's shared budget. */
export class PersonBudget {
  connections = 0;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(private readonly limits: PersonLimits) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
  }

  /** Takes one message of `size` bytes: 0 when taken, else the ms until both budgets have it. */
  take(size: number): number {
    const wait = Math.max(this.messages.waitMs(1), this.bytes.waitMs(size));
    if (wait > 0) return wait;
    this.messages.take(1);
    this.bytes.take(size);
    return 0;
  }

  /** Whether forgetting this budget gives nothing away (both buckets full again). */
  get rested(): boolean {
    return this.messages.waitMs(this.limits.messageBurst) === 0 && this.bytes.waitMs(this.limits.byteBurst) === 0;
  }
}

export type AdmitResult = { ok: true; budget: PersonBudget } | { ok: false; reason: string };

export class PersonBudgets {
  private readonly people = new Map<string, PersonBudget>();
  private readonly addresses = new Map<string, number>();

  constructor(private readonly limits: PersonLimits) {}

  /** A new connection of `personId` from `address`, unless one of them holds too many already. */
  admit(personId: string, address: string): AdmitResult {
    const budget = this.people.get(personId) ?? new PersonBudget(this.limits);
    if (budget.connections >= this.limits.maxConnectionsPerPerson) return { ok: false, reason: 'too many connections for this person' };
    const fromAddress = this.addresses.get(address) ?? 0;
    if (fromAddress >= this.limits.maxConnectionsPerAddress) return { ok: false, reason: 'too many connections from this address' };
    budget.connections++;
    this.people.set(personId, budget);
    this.addresses.set(address, fromAddress + 1);
    return { ok: true, budget };
  }

  release(personId: string, address: string): void {
    const budget = this.people.get(personId);
    if (budget && --budget.connections <= 0 && budget.rested) this.people.delete(personId);
    const fromAddress = (this.addresses.get(address) ?? 1) - 1;
    if (fromAddress > 0) this.addresses.set(address, fromAddress);
    else this.addresses.delete(address);
  }

  /**
   * Forgets people with no connection whose budget has refilled (called now and then): keeping a
   * spent budget until then stops a reconnect from refilling it.
   */
  sweep(): void {
    for (const [id, budget] of this.people) if (budget.connections <= 0 && budget.rested) this.people.delete(id);
  }

  /** People with a budget held (for tests). */
  get size(): number {
    return this.people.size;
  }
}
