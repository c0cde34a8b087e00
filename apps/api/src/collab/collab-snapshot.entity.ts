import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A document's compacted state: every update up to and including `last_seq`, merged. */
@Entity('collab_snapshots')
export class CollabSnapshotEntity {
  @PrimaryColumn({ name: 'doc_name', type: 'text' })
  docName: string;

  @Column({ type: 'bytea' })
  state: Buffer;

  @Column({ name: 'last_seq', type: 'bigint' })
  lastSeq: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
