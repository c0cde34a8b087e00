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
import { UserEntity } from '../auth/users/user.entity.js';
import { PairingEntity } from './pairing.entity.js';
import { AuthorityEntity } from '../directory/authority.entity.js';

/** A person's role in one pairing, on one city side (authority) or, for observers, on none. */
@Entity('memberships')
@Index('memberships_user_pairing_key', ['userId', 'pairingId'], { unique: true })
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Index('memberships_pairing_id_idx')
  @Column({ name: 'pairing_id', type: 'uuid' })
  pairingId: string;

  @ManyToOne(() => PairingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity>;

  @Column({ type: 'text' })
  role: PairingRole;

  @Column({ name: 'authority_id', type: 'uuid', nullable: true })
  authorityId: string | null;

  @ManyToOne(() => AuthorityEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authority_id' })
  authority?: Relation<AuthorityEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
