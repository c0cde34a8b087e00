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
import type { NotificationKind } from '@iuc/domain';
import { UserEntity } from '../auth/users/user.entity.js';
import { PairingEntity } from '../pairings/pairing.entity.js';

/** What a notification is about; its id is in `subjectId` (no foreign key: subjects live in other modules). */
export type NotificationSubjectType = 'message' | 'plan' | 'resource';

/**
 * An in-app notification for one person, of any kind: what it is about (subject), where (pairing),
 * who caused it (actor), and the kind's own fields in `payload` (see notification-payloads.ts).
 */
@Entity('notifications')
@Index('notifications_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_user_unread_idx', ['userId'], { where: '"read_at" IS NULL' })
@Index('notifications_subject_idx', ['subjectType', 'subjectId'])
/** One notification per person per event: a redelivered event adds nothing (ON CONFLICT DO NOTHING). */
@Index('notifications_event_user_key', ['eventId', 'userId'], { unique: true })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: NotificationSubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** Null for programme-wide subjects (a library item's review). */
  @Index('notifications_pairing_id_idx')
  @Column({ name: 'pairing_id', type: 'uuid', nullable: true })
  pairingId: string | null;

  @ManyToOne(() => PairingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity>;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  @Column({ type: 'jsonb' })
  payload: unknown;

  /** The domain event that caused it (null for those written before events, and the demo's). */
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
