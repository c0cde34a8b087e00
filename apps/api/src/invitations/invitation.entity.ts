import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { PairingRole } from '@iuc/domain';
import { PairingEntity } from '../pairings/pairing.entity.js';
import { UserEntity } from '../auth/users/user.entity.js';

/** An invitation into a pairing with a role. The link carries a token; we store its hash. */
@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('invitations_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Index('invitations_pairing_id_idx')
  @Column({ name: 'pairing_id', type: 'uuid' })
  pairingId: string;

  @ManyToOne(() => PairingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity>;

  @Column({ type: 'text' })
  role: PairingRole;

  @Column({ name: 'authority_id', type: 'uuid', nullable: true })
  authorityId: string | null;

  @Column({ name: 'invited_by', type: 'uuid' })
  invitedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: Relation<UserEntity>;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
