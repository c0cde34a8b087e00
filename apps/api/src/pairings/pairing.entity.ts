import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { PairingStatus, ThemeCode } from '@iuc/domain';
import { CallEntity } from './call.entity.js';
import type { PairingAuthorityEntity } from './pairing-authority.entity.js';
import { MunicipalityGroupEntity } from '../directory/municipality-group.entity.js';

@Entity('pairings')
export class PairingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('pairings_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ name: 'call_code', type: 'text' })
  callCode: string;

  @ManyToOne(() => CallEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_code' })
  call?: Relation<CallEntity>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: ThemeCode[];

  @Column({ type: 'text', default: 'active' })
  status: PairingStatus;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'term_months', type: 'smallint', default: 18 })
  termMonths: number;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Notes from the source data (e.g. "partner is a district of Changchun"). */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** When a side applied as a municipality group (e.g. Graz with central Styria). */
  @Column({ name: 'eu_group_id', type: 'uuid', nullable: true })
  euGroupId: string | null;

  @ManyToOne(() => MunicipalityGroupEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'eu_group_id' })
  euGroup?: Relation<MunicipalityGroupEntity> | null;

  @Column({ name: 'partner_group_id', type: 'uuid', nullable: true })
  partnerGroupId: string | null;

  @ManyToOne(() => MunicipalityGroupEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'partner_group_id' })
  partnerGroup?: Relation<MunicipalityGroupEntity> | null;

  // By name, not by class: the two entities would import each other (a load-order cycle).
  @OneToMany('PairingAuthorityEntity', (pa: PairingAuthorityEntity) => pa.pairing)
  authorities?: Relation<PairingAuthorityEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
