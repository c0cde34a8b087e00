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
import type { ChannelKind, PairingSide } from '@iuc/domain';
import { PairingEntity } from '../../pairings/pairing.entity.js';
import { UserEntity } from '../../auth/users/user.entity.js';

/** A pairing's channel: the general one, a topic, or a city side's internal one. */
@Entity('channels')
@Index('channels_general_key', ['pairingId'], { unique: true, where: `"kind" = 'general'` })
@Index('channels_city_key', ['pairingId', 'side'], { unique: true, where: `"kind" = 'city'` })
@Index('channels_topic_name_key', ['pairingId', 'name'], {
  unique: true,
  where: `"kind" = 'topic'`,
})
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('channels_pairing_id_idx')
  @Column({ name: 'pairing_id', type: 'uuid' })
  pairingId: string;

  @ManyToOne(() => PairingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity>;

  @Column({ type: 'text' })
  kind: ChannelKind;

  /** The side of a city-internal channel; null for the others. */
  @Column({ type: 'text', nullable: true })
  side: PairingSide | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
