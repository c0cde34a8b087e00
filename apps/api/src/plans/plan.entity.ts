import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { PlanStatus } from '@iuc/domain';
import { PairingEntity } from '../pairings/pairing.entity.js';
import { AuthorityEntity } from '../directory/authority.entity.js';

/** One Local Action Plan per city side of a pairing; its text lives in the collab document. */
@Entity('plans')
@Index('plans_pairing_authority_key', ['pairingId', 'authorityId'], { unique: true })
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'pairing_id', type: 'uuid' })
  pairingId: string;

  @ManyToOne(() => PairingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity>;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id' })
  authority?: Relation<AuthorityEntity>;

  @Column({ type: 'text' })
  title: string;

  /** BCP-47 language the plan is written in. */
  @Column({ type: 'text', default: 'en' })
  language: string;

  @Column({ type: 'text', default: 'draft' })
  status: PlanStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** What a plan's summary is made of: the entity, or a row that selected just these. */
export type PlanSummaryFields = Pick<
  PlanEntity,
  'id' | 'pairingId' | 'authorityId' | 'title' | 'status'
>;
