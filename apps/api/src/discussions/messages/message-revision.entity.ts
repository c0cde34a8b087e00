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
import { MessageEntity } from './message.entity.js';

/** A message's earlier text, kept when it is edited or deleted. */
@Entity('message_revisions')
export class MessageRevisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Index('message_revisions_message_id_idx')
  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Relation<MessageEntity>;

  /** The text before the change. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  kind: 'edit' | 'delete';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
