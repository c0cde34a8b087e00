import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The append-only log of Yjs updates of a document, newer than its snapshot. */
@Entity('collab_updates')
@Index('collab_updates_doc_seq_idx', ['docName', 'seq'])
export class CollabUpdateEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  seq: string;

  @Column({ name: 'doc_name', type: 'text' })
  docName: string;

  @Column({ type: 'bytea' })
  update: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
