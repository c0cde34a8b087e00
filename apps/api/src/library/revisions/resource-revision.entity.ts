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
import { UserEntity } from '../../auth/users/user.entity.js';
import { ResourceEntity } from '../items/resource.entity.js';

/** One saved edit of a library item: who changed which fields, from what to what, when. */
@Entity('resource_revisions')
@Index('resource_revisions_resource_created_idx', ['resourceId', 'createdAt'])
export class ResourceRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'resource_id', type: 'uuid' })
  resourceId: string;

  @ManyToOne(() => ResourceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resource_id' })
  resource?: Relation<ResourceEntity>;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  /** `[{ field, before, after }]` (files as their names). */
  @Column({ type: 'jsonb' })
  changes: { field: string; before: unknown; after: unknown }[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
