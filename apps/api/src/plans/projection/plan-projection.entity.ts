import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PlanAction, PlanSectionKey } from '@iuc/domain';

/** The plan's content derived from its document: section text (for search) and JSON (export). */
@Entity('plan_projections')
export class PlanProjectionEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'jsonb' })
  sections: Record<PlanSectionKey, string>;

  @Column({ type: 'jsonb' })
  actions: PlanAction[];

  /** Every section's text in one, for full-text search. */
  @Column({ name: 'full_text', type: 'text' })
  fullText: string;

  /** Seq of the document update the projection reflects. */
  @Column({ name: 'doc_seq', type: 'bigint', default: 0 })
  docSeq: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
