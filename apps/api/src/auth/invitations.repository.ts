import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type DataSource, type Repository } from 'typeorm';
import { pairingTitle } from '@iuc/domain';
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

/**
 * Invitations, and what accepting one writes. The pairing reads (title, authorities) and the
 * membership write touch pairings/ tables: move them behind the pairings service once it has them.
 */
@Injectable()
export class InvitationsRepository {
  constructor(
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
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

  async isPairingAuthority(pairingId: string, authorityId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM pairing_authorities WHERE pairing_id = $1 AND authority_id = $2',
      [pairingId, authorityId],
    );
    return rows.length > 0;
  }

  async pairingTitle(pairingId: string): Promise<string> {
    const rows: { side: string; name: string }[] = await this.dataSource.query(
      `SELECT pa.side, a.name FROM pairing_authorities pa JOIN authorities a ON a.id = pa.authority_id
        WHERE pa.pairing_id = $1 ORDER BY pa.position, a.name`,
      [pairingId],
    );
    const side = (s: string) => rows.filter((r) => r.side === s).map((r) => r.name);
    return pairingTitle(side('eu'), side('partner'));
  }

  /**
   * Accepts the invitation in one transaction: marks it accepted (unless someone else just did),
   * creates the account if the email has none, and adds or updates the membership. Returns the
   * user's id, or null when the invitation was no longer pending.
   */
  redeem(invitation: InvitationEntity, newAccount: NewAccount | null): Promise<string | null> {
    return this.dataSource.transaction(async (tx) => {
      const accepted: unknown[] = await tx.query(
        `UPDATE invitations SET accepted_at = now()
          WHERE id = $1 AND accepted_at IS NULL AND expires_at > now() RETURNING id`,
        [invitation.id],
      );
      if (accepted.length === 0) return null;
      if (newAccount) {
        // An account made meanwhile for the same email wins; its password is left alone.
        await tx.query(
          'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING',
          [invitation.email, newAccount.name, newAccount.passwordHash],
        );
      }
      const [user]: { id: string }[] = await tx.query('SELECT id FROM users WHERE email = $1', [
        invitation.email,
      ]);
      if (!user) throw new Error(`Invitation ${invitation.id}: no account for its email`);
      await tx.query(
        `INSERT INTO memberships (user_id, pairing_id, role, authority_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, pairing_id)
         DO UPDATE SET role = excluded.role, authority_id = coalesce(excluded.authority_id, memberships.authority_id)`,
        [user.id, invitation.pairingId, invitation.role, invitation.authorityId],
      );
      return user.id;
    });
  }
}
