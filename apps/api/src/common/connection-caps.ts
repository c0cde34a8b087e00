/**
 * How many connections one person, and one client address, may hold open at once. Admission hands
 * out a lease to release when the connection ends; refusal says which cap was reached.
 *
 * Counts are per process: with several API instances (REDIS_URL) each instance applies the caps to
 * the connections it holds, so one person may hold up to the cap on every instance. Acceptable: the
 * point is to keep one person from exhausting an instance's memory and sockets.
 */
export interface ConnectionCapLimits {
  perUser: number;
  perAddress: number;
}

export type Admission =
  { ok: true; release: () => void } | { ok: false; cap: 'user' | 'address'; limit: number };

export class ConnectionCaps {
  private readonly byUser = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  constructor(private readonly limits: ConnectionCapLimits) {}

  admit(userId: string, address: string): Admission {
    if ((this.byUser.get(userId) ?? 0) >= this.limits.perUser)
      return { ok: false, cap: 'user', limit: this.limits.perUser };
    if ((this.byAddress.get(address) ?? 0) >= this.limits.perAddress)
      return { ok: false, cap: 'address', limit: this.limits.perAddress };
    increment(this.byUser, userId);
    increment(this.byAddress, address);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        decrement(this.byUser, userId);
        decrement(this.byAddress, address);
      },
    };
  }

  openFor(userId: string): number {
    return this.byUser.get(userId) ?? 0;
  }

  openFrom(address: string): number {
    return this.byAddress.get(address) ?? 0;
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function decrement(counts: Map<string, number>, key: string): void {
  const left = (counts.get(key) ?? 1) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
}
