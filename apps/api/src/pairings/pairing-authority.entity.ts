import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import type { PairingSide } from '@iuc/domain';
import { PairingEntity } from './pairing.entity.js';
import { AuthorityEntity } from '../directory/authority.entity.js';

/** An authority on one side of a pairing; a side may hold several (Medellín and Santiago de Cali). */
@Entity('pairing_authorities')
export class PairingAuthorityEntity {
  @PrimaryColumn({ name: 'pairing_id', type: 'uuid' })
  pairingId: string;

  @PrimaryColumn({ name: 'authority_id', type: 'uuid' })
  @Index('pairing_authorities_authority_id_idx')
  authorityId: string;

  @Column({ type: 'text' })
  side: PairingSide;

  /** Display order within the side. */
  @Column({ type: 'smallint', default: 0 })
  position: number;

  @ManyToOne(() => PairingEntity, (p) => p.authorities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity>;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id' })
  authority?: Relation<AuthorityEntity>;
}
