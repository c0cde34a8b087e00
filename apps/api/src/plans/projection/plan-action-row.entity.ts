import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One action of a plan as a row, for dashboards across plans (derived from the document). */
@Entity('plan_action_rows')
@Index('plan_action_rows_type_idx', ['type'])
export class PlanActionRowEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @PrimaryColumn({ name: 'action_id', type: 'text' })
  actionId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'double precision', nullable: true })
  cost: number | null;

  @Column({ type: 'text' })
  currency: string;

  @Column({ name: 'funding_total', type: 'double precision' })
  fundingTotal: number;

  @Column({ name: 'funding_secured', type: 'double precision' })
  fundingSecured: number;

  @Column({ name: 'indicator_count', type: 'integer' })
  indicatorCount: number;

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: string[];

  /** Library items the action cites (ids, no foreign key: the library owns them); GIN-indexed. */
  @Index('plan_action_rows_inspired_by_idx', { synchronize: false })
  @Column({ name: 'inspired_by', type: 'uuid', array: true, default: () => "'{}'" })
  inspiredBy: string[];
}
