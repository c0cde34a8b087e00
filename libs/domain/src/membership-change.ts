/**
 * What accepting an invitation does to the membership a person already has in its pairing. Taking
 * something away (a lower role, another city's side) needs the person's explicit confirmation.
 */
import { PAIRING_ROLE_RANK, type PairingRole } from './roles.js';

/** A role in a pairing, on one city side (authority) or, for observers, on none. */
export interface MembershipPlace {
  role: PairingRole;
  authorityId: string | null;
}

/**
 * join: no membership yet · same: nothing changes · raise: a higher role, or a side where there
 * was none · lower: a lower role · move: another city's side (whatever the role).
 */
export type MembershipChangeKind = 'join' | 'same' | 'raise' | 'lower' | 'move';

export interface MembershipChange {
  kind: MembershipChangeKind;
  current: MembershipPlace | null;
  next: MembershipPlace;
}

/** An invitation with no side keeps the side the person has. */
export function membershipChange(
  current: MembershipPlace | null,
  offered: MembershipPlace,
): MembershipChange {
  const next = {
    role: offered.role,
    authorityId: offered.authorityId ?? current?.authorityId ?? null,
  };
  return { kind: changeKind(current, next), current, next };
}

function changeKind(current: MembershipPlace | null, next: MembershipPlace): MembershipChangeKind {
  if (!current) return 'join';
  if (current.authorityId !== null && next.authorityId !== current.authorityId) return 'move';
  const rank = PAIRING_ROLE_RANK[next.role] - PAIRING_ROLE_RANK[current.role];
  if (rank < 0) return 'lower';
  if (rank > 0 || next.authorityId !== current.authorityId) return 'raise';
  return 'same';
}

/**
 * Lowering or moving takes away what the person could do (write their plan, read their city's
 * channel), so it waits for their confirmation. Raising takes nothing away, and the accept page
 * has already said what the new role is: asking twice would protect nothing.
 */
export function needsConfirmation(kind: MembershipChangeKind): boolean {
  return kind === 'lower' || kind === 'move';
}
