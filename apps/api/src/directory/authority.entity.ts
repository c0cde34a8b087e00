import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { AuthorityKind, WorldRegionCode } from '@iuc/domain';

@Entity('authorities')
export class AuthorityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable key from the seed (e.g. "torino"), so re-seeding finds the same row. */
  @Index('authorities_slug_key', { unique: true })
  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'local_name', type: 'text', nullable: true })
  localName: string | null;

  /** Other names the authority is known by (e.g. Turin for Torino). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'text' })
  kind: AuthorityKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => AuthorityEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<AuthorityEntity> | null;

  @Column({ name: 'country_iso', type: 'char', length: 2 })
  countryIso: string;

  @Column({ name: 'world_region', type: 'text' })
  worldRegion: WorldRegionCode;

  @Column({ name: 'population', type: 'integer', nullable: true })
  population: number | null;

  @Column({ name: 'population_year', type: 'smallint', nullable: true })
  populationYear: number | null;

  @Column({ name: 'population_scope', type: 'text', nullable: true })
  populationScope: 'city' | 'metro' | 'luz' | 'group' | null;

  @Column({ name: 'population_source', type: 'text', nullable: true })
  populationSource: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;
}
