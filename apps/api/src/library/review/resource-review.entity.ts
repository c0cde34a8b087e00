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
import type { ResourceReviewAction, ResourceStatus } from '@iuc/domain';
import { UserEntity } from '../../auth/users/user.entity.js';
import { ResourceEntity } from '../items/resource.entity.js';

/** One step of a programme item's review: a submission or a verdict, by whom, why, when. */
@Entity('resource_reviews')
@Index('resource_reviews_resource_created_idx', ['resourceId', 'createdAt'])
export class ResourceReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'resource_id', type: 'uuid' })
  resourceId: string;

  @ManyToOne(() => ResourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resource_id' })
  resource?: Relation<ResourceEntity>;

  @Column({ type: 'text' })
  action: ResourceReviewAction | 'submit';

  /** The status the step led to. */
  @Column({ type: 'text' })
  status: ResourceStatus;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
