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
import type { FileStatus } from '@iuc/domain';
import { UserEntity } from '../auth/users/user.entity.js';
import { UploadEntity } from './uploads/upload.entity.js';

/**
 * A finished upload attached to a subject of another module (`subject_kind`, `subject_id`: no
 * foreign key, subjects live elsewhere), with what the background job found in it. Detaching is
 * soft (`detached_at`): the bytes stay until the subject is purged.
 */
@Entity('files')
@Index('files_subject_idx', ['subjectKind', 'subjectId', 'createdAt'])
export class FileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** One file per upload. */
  @Index('files_upload_key', { unique: true })
  @Column({ name: 'upload_id', type: 'uuid', nullable: true })
  uploadId: string | null;

  @ManyToOne(() => UploadEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'upload_id' })
  upload?: Relation<UploadEntity>;

  @Column({ name: 'uploader_id', type: 'uuid', nullable: true })
  uploaderId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploader_id' })
  uploader?: Relation<UserEntity>;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'text', default: 'processing' })
  status: FileStatus;

  @Column({ type: 'int', nullable: true })
  pages: number | null;

  @Column({ name: 'extracted_text', type: 'text', nullable: true })
  extractedText: string | null;

  @Column({ type: 'text', nullable: true })
  excerpt: string | null;

  @Column({ name: 'preview_key', type: 'text', nullable: true })
  previewKey: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'detached_at', type: 'timestamptz', nullable: true })
  detachedAt: Date | null;
}
