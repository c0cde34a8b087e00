import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../../auth/users/user.entity.js';
import { ChannelEntity } from '../channels/channel.entity.js';

/**
 * A message, or a reply in a message's thread. Plain text. The id and the creation time (with
 * microseconds, unique per instance) are given by the server; history pages on (created_at, id).
 */
@Entity('messages')
// Channel history (top-level messages) and unread counts: a range scan on (channel, time).
@Index('messages_channel_created_idx', ['channelId', 'createdAt', 'id'], {
  where: '"parent_id" IS NULL',
})
// Thread replies in order.
@Index('messages_thread_idx', ['parentId', 'createdAt', 'id'], { where: '"parent_id" IS NOT NULL' })
export class MessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<ChannelEntity>;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<MessageEntity> | null;

  /** Empty once deleted (the text moves to message_revisions). */
  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'mention_ids', type: 'uuid', array: true, default: () => "'{}'" })
  mentionIds: string[];

  @Column({ name: 'reply_count', type: 'integer', default: 0 })
  replyCount: number;

  @Column({ name: 'last_reply_at', type: 'timestamptz', nullable: true })
  lastReplyAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
