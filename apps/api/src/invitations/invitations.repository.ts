import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource, type EntityManager, type Repository } from 'typeorm';
import type { MembershipPlace } from '@iuc/domain';
import { MembershipsService } from '../pairings/memberships.service.js';
import { InvitationEntity } from './invitation.entity.js';

export type NewInvitation = Pick<
  InvitationEntity,
  'tokenHash' | 'email' | 'name' | 'pairingId' | 'role' | 'authorityId' | 'invitedBy' | 'expiresAt'
>;

/** The account an accepted invitation creates when its email has none yet. */
export interface NewAccount {
  name: string;
  passwordHash: string;
}

/** Who accepts: a new account, or an existing one whose membership must still be `expected`. */
export type AcceptingAccount =
  { newAccount: NewAccount } | { userId: string; expected: MembershipPlace | null };

/**
 * Invitations, and what accepting one writes (the account, and the membership through pairings'
 * MembershipsService, in the same transaction).
 */
@Injectable()
export class InvitationsRepository {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsService,
  ) {}

  insert(invitation: NewInvitation): Promise<InvitationEntity> {
    return this.invitations.save(this.invitations.create({ ...invitation, acceptedAt: null }));
  }

  async delete(id: string): Promise<void> {
    await this.invitations.delete({ id });
  }

  /** Neither accepted nor expired. */
  findPending(tokenHash: string): Promise<InvitationEntity | null> {
    return this.invitations.findOneBy({
      tokenHash,
      acceptedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
  }

  pendingForPairing(pairingId: string): Promise<InvitationEntity[]> {
    return this.invitations.find({
      where: { pairingId, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Accepts the invitation in one transaction: creates the account (`newAccount`) or checks that
   * the existing account's membership is still `expected` (what the person saw and agreed to),
   * marks the invitation accepted and writes the membership as `next`. 'gone' when the invitation
   * was no longer pending; 'changed' when the account or membership changed meanwhile. Either way
   * nothing is written.
   */
  redeem(
    invitation: InvitationEntity,
    account: AcceptingAccount,
    next: MembershipPlace,
  ): Promise<{ userId: string } | 'gone' | 'changed'> {
    return this.dataSource
      .transaction(async (tx) => {
        const accepted: unknown[] = await tx.query(
          `UPDATE invitations SET accepted_at = now()
            WHERE id = $1 AND accepted_at IS NULL AND expires_at > now() RETURNING id`,
          [invitation.id],
        );
        if (accepted.length === 0) return 'gone' as const;
        const userId = await this.accountFor(tx, invitation, account);
        // With no membership expected there was no row to lock: one written meanwhile (another
        // invitation accepted at the same moment) is a change, not something to overwrite.
        const joining = 'newAccount' in account || account.expected === null;
        const written = await this.memberships.write(
          tx,
          userId,
          invitation.pairingId,
          next,
          joining ? 'join' : 'replace',
        );
        if (!written) throw new ChangedMeanwhile();
        return { userId };
      })
      .catch((err: unknown) => {
        if (err instanceof ChangedMeanwhile) return 'changed' as const;
        throw err;
      });
  }

  /** The new account's id, or the existing one's once its membership is checked; else rolls back. */
  private async accountFor(
    tx: EntityManager,
    invitation: InvitationEntity,
    account: AcceptingAccount,
  ): Promise<string> {
    if ('newAccount' in account) {
      // An account made meanwhile for the same email is someone's: never join it (or sign it in) here.
      const [created]: { id: string }[] = await tx.query(
        `INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [invitation.email, account.newAccount.name, account.newAccount.passwordHash],
      );
      if (!created) throw new ChangedMeanwhile();
      return created.id;
    }
    const now = await this.memberships.placeForUpdate(tx, account.userId, invitation.pairingId);
    if (!samePlace(now, account.expected)) throw new ChangedMeanwhile();
    return account.userId;
  }
}

/** Rolls the acceptance back: the account or its membership is not what the person saw. */
class ChangedMeanwhile extends Error {}

function samePlace(a: MembershipPlace | null, b: MembershipPlace | null): boolean {
  return (
    a === b || (a !== null && b !== null && a.role === b.role && a.authorityId === b.authorityId)
  );
}
