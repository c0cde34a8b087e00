import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { UserEntity } from '../../auth/users/user.entity.js';

/** `uploading`: bytes still coming (tus); `finished`: in storage, not yet a file; `attached`: a file now. */
export type UploadStatus = 'uploading' | 'finished' | 'attached';

/**
 * One tus upload of one person: what they declared at creation, and once finished, what the bytes
 * are (sniffed type, size, sha256) and where they were moved to in storage.
 */
@Entity('uploads')
@Index('uploads_user_status_idx', ['userId', 'status'])
@Index('uploads_status_created_idx', ['status', 'createdAt'])
export class UploadEntity {
  /** Also the tus upload id (the name of its file under DATA_DIR/uploads). */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** Sanitised (file-name.ts). */
  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'declared_length', type: 'bigint' })
  declaredLength: string;

  @Column({ type: 'text', default: 'uploading' })
  status: UploadStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'storage_key', type: 'text', nullable: true })
  storageKey: string | null;

  /** The type sniffed from the bytes. */
  @Column({ type: 'text', nullable: true })
  type: string | null;

  @Column({ type: 'bigint', nullable: true })
  size: string | null;

  @Column({ type: 'text', nullable: true })
  sha256: string | null;
}
