import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { NotificationKind } from '@iuc/domain';
import { UserEntity } from '../auth/users/user.entity.js';
import { PairingEntity } from '../pairings/pairing.entity.js';
import { ChannelEntity } from '../discussions/channels/channel.entity.js';
import { MessageEntity } from '../discussions/messages/message.entity.js';
import { PlanEntity } from '../plans/plan.entity.js';

/** An in-app notification (a mention, or a plan's review step) for one person. */
@Entity('notifications')
@Check(
  'notifications_subject_check',
  `("kind" = 'mention' AND "channel_id" IS NOT NULL AND "message_id" IS NOT NULL) OR ("kind" = 'plan-review' AND "plan_id" IS NOT NULL AND "plan_status" IS NOT NULL)`,
)
@Index('notifications_user_created_idx', ['userId', 'createdAt', 'id'])
@Index('notifications_user_unread_idx', ['userId'], { where: '"read_at" IS NULL' })
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

  @Index('notifications_pairing_id_idx')
  @Column({ name: 'pairing_id', type: 'uuid' })
  pairingId: string;

  @ManyToOne(() => PairingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity>;

  /** Mentions: where the message is. */
  @Index('notifications_channel_id_idx')
  @Column({ name: 'channel_id', type: 'uuid', nullable: true })
  channelId: string | null;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<ChannelEntity>;

  @Index('notifications_message_id_idx')
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Relation<MessageEntity>;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Plan review steps: the plan, and the status it moved to. */
  @Index('notifications_plan_id_idx')
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<PlanEntity>;

  @Column({ name: 'plan_status', type: 'text', nullable: true })
  planStatus: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;

  @Column({ type: 'text' })
  excerpt: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
