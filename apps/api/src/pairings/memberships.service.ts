import { Injectable } from '@nestjs/common';
import type { MembershipPlace } from '@iuc/domain';
import type { Queryable } from '../database/queryable.js';
import { EventOutboxRepository } from '../events/event-outbox.repository.js';
import {
  MembershipsRepository,
  type MemberRow,
  type MemberScope,
  type MembershipWrite,
} from './memberships.repository.js';

export type { MemberRow, MemberScope } from './memberships.repository.js';

/**
 * Who belongs to a pairing, for the modules that need to know (invitations write memberships,
 * discussions find who to mention, notifications whom to tell). The only way into `memberships`
 * besides the access service, which decides access from it.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly outbox: EventOutboxRepository,
  ) {}

  /** The person's role and city side in a pairing; null when not a member. */
  place(userId: string, pairingId: string): Promise<MembershipPlace | null> {
    return this.memberships.place(userId, pairingId);
  }

  /** Like `place`, locking the membership row in `tx`'s transaction until it ends. */
  placeForUpdate(
    tx: Queryable,
    userId: string,
    pairingId: string,
  ): Promise<MembershipPlace | null> {
    return this.memberships.place(userId, pairingId, tx, true);
  }

  /**
   * Writes the membership in `tx`'s transaction; false when `join` found one there already. A
   * membership written (a new one, or a new role or side) is announced as `member.added`, staged
   * in the same transaction so that it exists exactly when the membership does.
   */
  async write(
    tx: Queryable,
    userId: string,
    pairingId: string,
    place: MembershipPlace,
    how: MembershipWrite,
  ): Promise<boolean> {
    const written = await this.memberships.write(tx, userId, pairingId, place, how);
    if (written) {
      await this.outbox.stage(tx, [
        {
          type: 'member.added',
          payload: { pairingId, userId, role: place.role, authorityId: place.authorityId },
        },
      ]);
    }
    return written;
  }

  /** The pairing's members with enabled accounts, by name, with their side. */
  ofPairing(pairingId: string): Promise<MemberRow[]> {
    return this.memberships.ofPairing(pairingId);
  }

  /**
   * For each scope (a pairing, one city or one side of it, some roles), the ids of its members
   * with enabled accounts, in one statement.
   */
  membersOf(scopes: readonly MemberScope[]): Promise<string[][]> {
    return this.memberships.membersOf(scopes);
  }

  /** The pairings each of these people belongs to, in pairing id order (no entry: none). */
  pairingsOfUsers(userIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.memberships.pairingsOfUsers(userIds);
  }
}
