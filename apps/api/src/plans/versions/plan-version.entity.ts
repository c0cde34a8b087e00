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
import type { PlanSectionKey, PlanVersionKind } from '@iuc/domain';
import { UserEntity } from '../../auth/users/user.entity.js';
import { PlanEntity } from '../plan.entity.js';

/** A named version of a plan: the whole document state at that moment (Y.encodeStateAsUpdate). */
@Entity('plan_versions')
@Index('plan_versions_plan_created_idx', ['planId', 'createdAt'])
export class PlanVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: PlanVersionKind;

  @Column({ type: 'bytea' })
  state: Buffer;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity> | null;

  /** For a restore: the version that was restored. */
  @Column({ name: 'restored_from_id', type: 'uuid', nullable: true })
  restoredFromId: string | null;

  @ManyToOne(() => PlanVersionEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'restored_from_id' })
  restoredFrom?: Relation<PlanVersionEntity> | null;

  /** For a restore of one section only. */
  @Column({ type: 'text', nullable: true })
  section: PlanSectionKey | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
