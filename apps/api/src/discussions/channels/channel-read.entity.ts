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
import { ChannelEntity } from './channel.entity.js';

/**
 * How far one person has read one channel: the position (created_at, id) of the last message read.
 * Per person, not per device, so unread counts agree everywhere; it only moves forward.
 */
@Entity('channel_reads')
export class ChannelReadEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @PrimaryColumn({ name: 'channel_id', type: 'uuid' })
  @Index('channel_reads_channel_id_idx')
  channelId: string;

  @ManyToOne(() => ChannelEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'channel_id' })
  channel?: Relation<ChannelEntity>;

  @Column({ name: 'read_at', type: 'timestamptz' })
  readAt: Date;

  @Column({ name: 'read_message_id', type: 'uuid' })
  readMessageId: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
