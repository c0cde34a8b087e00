import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type {
  AgendaCode,
  ContentLanguage,
  ResourceKind,
  ResourceScopeLevel,
  ResourceStatus,
  ThemeCode,
  WorldRegionCode,
} from '@iuc/domain';
import { UserEntity } from '../../auth/users/user.entity.js';
import { AuthorityEntity } from '../../directory/authority.entity.js';
import { PairingEntity } from '../../pairings/pairing.entity.js';

/**
 * A library item: a good practice or another resource (domain.md GoodPractice/Resource), its
 * tags, where it is visible (programme, pairing or one city's side) and its review status. Themes
 * and SDGs are GIN-indexed by the migration (TypeORM cannot declare those indexes).
 */
@Entity('resources')
@Index('resources_live_created_idx', ['createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('resources_status_updated_idx', ['status', 'updatedAt'], { where: '"deleted_at" IS NULL' })
@Index('resources_deleted_idx', ['deletedAt'], { where: '"deleted_at" IS NOT NULL' })
export class ResourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('resources_kind_idx')
  @Column({ type: 'text' })
  kind: ResourceKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'text', default: '' })
  problem: string;

  @Column({ type: 'text', default: '' })
  approach: string;

  @Column({ type: 'text', default: '' })
  participation: string;

  @Column({ type: 'text', default: '' })
  results: string;

  @Column({ name: 'resources_needed', type: 'text', default: '' })
  resourcesNeeded: string;

  @Column({ type: 'text', default: '' })
  timescale: string;

  @Column({ type: 'text', default: '' })
  transferability: string;

  @Column({ type: 'text', default: '' })
  lessons: string;

  @Column({ type: 'text', default: '' })
  contact: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  links: string[];

  @Index('resources_language_idx')
  @Column({ type: 'text' })
  language: ContentLanguage;

  @Index('resources_themes_idx', { synchronize: false })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: ThemeCode[];

  @Index('resources_sdgs_idx', { synchronize: false })
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  sdgs: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  agendas: AgendaCode[];

  /** The city the item is about (a tag), or none. */
  @Index('resources_city_idx')
  @Column({ name: 'city_id', type: 'uuid', nullable: true })
  cityId: string | null;

  @ManyToOne(() => AuthorityEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'city_id' })
  city?: Relation<AuthorityEntity> | null;

  /**
   * The tagged city's country and world region, copied when the item is saved: the directory owns
   * authorities, and the list filters and counts by them in one query without joining its tables.
   */
  @Index('resources_city_country_idx')
  @Column({ name: 'city_country', type: 'text', nullable: true })
  cityCountry: string | null;

  @Index('resources_city_region_idx')
  @Column({ name: 'city_region', type: 'text', nullable: true })
  cityRegion: WorldRegionCode | null;

  @Column({ name: 'scope_level', type: 'text' })
  scopeLevel: ResourceScopeLevel;

  /** The pairing of a pairing or side item; null for programme items. */
  @Index('resources_pairing_idx')
  @Column({ name: 'pairing_id', type: 'uuid', nullable: true })
  pairingId: string | null;

  @ManyToOne(() => PairingEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pairing_id' })
  pairing?: Relation<PairingEntity> | null;

  /** A side item's city: whose team sees it. Null for programme and pairing items. */
  @Column({ name: 'authority_id', type: 'uuid', nullable: true })
  authorityId: string | null;

  @ManyToOne(() => AuthorityEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id' })
  authority?: Relation<AuthorityEntity> | null;

  @Column({ type: 'text' })
  status: ResourceStatus;

  @Column({ type: 'boolean', default: false })
  featured: boolean;

  @Index('resources_author_idx')
  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** In the trash since; purged RESOURCE_TRASH_DAYS later. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
