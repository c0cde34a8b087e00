import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { NotificationKind } from '@iuc/domain';
import { UserEntity } from '../auth/user.entity.js';
import { PairingEntity } from '../pairings/pairing.entity.js';
import { ChannelEntity } from '../discussions/channel.entity.js';
import { MessageEntity } from '../discussions/message.entity.js';

/** An in-app notification (a mention) for one person. */
@Entity('notifications')
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

  @Index('notifications_channel_id_idx')
  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<ChannelEntity>;

  @Index('notifications_message_id_idx')
  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Relation<MessageEntity>;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

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
