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
import type { PlanStatus } from '@iuc/domain';
import { UserEntity } from '../../auth/users/user.entity.js';
import { PlanEntity } from '../plan.entity.js';
import { PlanVersionEntity } from '../versions/plan-version.entity.js';

/** One step of a plan's review workflow: who moved it from which status to which, and why. */
@Entity('plan_reviews')
@Index('plan_reviews_plan_created_idx', ['planId', 'createdAt'])
export class PlanReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  @Column({ name: 'from_status', type: 'text' })
  fromStatus: PlanStatus;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: PlanStatus;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity> | null;

  /** The version saved with this step (a submission). */
  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId: string | null;

  @ManyToOne(() => PlanVersionEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'version_id' })
  version?: Relation<PlanVersionEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
