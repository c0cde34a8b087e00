/**
 * An access decision kept by an open connection (collab or discussions): the access epoch it was
 * made at (see access/access-epoch.ts) and when its session ends by itself.
 */
export interface AccessDecision {
  epoch: number;
  /** Epoch milliseconds; Infinity when the session does not expire. */
  expiresAt: number;
}

/** Whether the decision must be made again: something changed since, or the session ran out. */
export function isStale(decision: AccessDecision, currentEpoch: number, now: number): boolean {
  return decision.epoch < currentEpoch || decision.expiresAt <= now;
}
