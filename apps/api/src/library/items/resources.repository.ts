import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { idsAfter } from '../../database/keyset-ids.js';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  AgendaCode,
  ContentLanguage,
  ResourceKind,
  ResourceScopeLevel,
  ResourceStatus,
  ThemeCode,
  WorldRegionCode,
} from '@iuc/domain';
import type { Queryable } from '../../database/queryable.js';
import { ResourceEntity } from './resource.entity.js';

/** The fields of an item a save writes (everything but ids, author, dates and flags). */
export interface ResourceValues {
  kind: ResourceKind;
  title: string;
  summary: string;
  problem: string;
  approach: string;
  participation: string;
  results: string;
  resourcesNeeded: string;
  timescale: string;
  transferability: string;
  lessons: string;
  contact: string;
  links: string[];
  language: ContentLanguage;
  themes: ThemeCode[];
  sdgs: number[];
  agendas: AgendaCode[];
  cityId: string | null;
  cityCountry: string | null;
  cityRegion: WorldRegionCode | null;
  scopeLevel: ResourceScopeLevel;
  pairingId: string | null;
  authorityId: string | null;
  status: ResourceStatus;
}

/** An item as the library's services see it: its values, its author (by id), its dates. */
export interface ResourceRow extends ResourceValues {
  id: string;
  featured: boolean;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  deletedAt: Date | null;
  /** µs since the epoch of created_at, for list cursors. */
  createdMicros: string;
}

export interface RawResource {
  id: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  problem: string;
  approach: string;
  participation: string;
  results: string;
  resources_needed: string;
  timescale: string;
  transferability: string;
  lessons: string;
  contact: string;
  links: string[];
  language: ContentLanguage;
  themes: ThemeCode[];
  sdgs: number[];
  agendas: AgendaCode[];
  city_id: string | null;
  city_country: string | null;
  city_region: WorldRegionCode | null;
  scope_level: ResourceScopeLevel;
  pairing_id: string | null;
  authority_id: string | null;
  status: ResourceStatus;
  featured: boolean;
  author_id: string;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  deleted_at: Date | null;
  created_micros: string;
}

/** The columns of RawResource, given the items as `r`. */
export const RESOURCE_COLUMNS = `r.id, r.kind, r.title, r.summary, r.problem, r.approach, r.participation, r.results,
  r.resources_needed, r.timescale, r.transferability, r.lessons, r.contact, r.links, r.language, r.themes, r.sdgs,
  r.agendas, r.city_id, r.city_country, r.city_region, r.scope_level, r.pairing_id, r.authority_id, r.status,
  r.featured, r.author_id, r.created_at, r.updated_at, r.published_at, r.deleted_at,
  (extract(epoch FROM r.created_at) * 1000000)::bigint::text AS created_micros`;

export function toResourceRow(r: RawResource): ResourceRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    summary: r.summary,
    problem: r.problem,
    approach: r.approach,
    participation: r.participation,
    results: r.results,
    resourcesNeeded: r.resources_needed,
    timescale: r.timescale,
    transferability: r.transferability,
    lessons: r.lessons,
    contact: r.contact,
    links: r.links,
    language: r.language,
    themes: r.themes,
    sdgs: r.sdgs.map(Number),
    agendas: r.agendas,
    cityId: r.city_id,
    cityCountry: r.city_country,
    cityRegion: r.city_region,
    scopeLevel: r.scope_level,
    pairingId: r.pairing_id,
    authorityId: r.authority_id,
    status: r.status,
    featured: r.featured,
    authorId: r.author_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    deletedAt: r.deleted_at,
    createdMicros: r.created_micros,
  };
}

/** Library items, one at a time: read, create, change, trash, restore, purge. */
@Injectable()
export class ResourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (an item's save, its revision, review step, files and event). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async find(id: string, db: Queryable = this.dataSource): Promise<ResourceRow | null> {
    const rows = (await db.query(`SELECT ${RESOURCE_COLUMNS} FROM resources r WHERE r.id = $1`, [
      id,
    ])) as RawResource[];
    return rows[0] ? toResourceRow(rows[0]) : null;
  }

  /** The live (not trashed) items among `ids`. */
  async findLive(ids: readonly string[]): Promise<ResourceRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r WHERE r.id = ANY($1::uuid[]) AND r.deleted_at IS NULL`,
      [ids],
    )) as RawResource[];
    return rows.map(toResourceRow);
  }

  /** Ids of every item after `after`, in id order (search's reindex); with `since`, those changed since. */
  idsAfter(after: string | null, limit: number, since?: Date): Promise<string[]> {
    if (!since) return idsAfter(this.dataSource, 'resources', after, limit);
    const where = 'updated_at >= $3 OR deleted_at >= $3';
    return idsAfter(this.dataSource, 'resources', after, limit, where, [since]);
  }

  /** The item, locked until the transaction ends (a save reads, compares and writes it). */
  async lock(m: EntityManager, id: string): Promise<ResourceRow | null> {
    await m.query('SELECT 1 FROM resources WHERE id = $1 FOR UPDATE', [id]);
    return this.find(id, m);
  }

  insert(m: EntityManager, values: ResourceValues, authorId: string): Promise<string> {
    return insertResource(m, { ...values, authorId });
  }

  /** Writes changed values; `updated_at` moves on. */
  async update(m: EntityManager, id: string, values: Partial<ResourceValues>): Promise<void> {
    await m.getRepository(ResourceEntity).update({ id }, values);
  }

  /** A review step's status (and the time of publication, the first time it is published). */
  async setStatus(m: EntityManager, id: string, status: ResourceStatus): Promise<void> {
    await m.query(
      `UPDATE resources SET status = $2, updated_at = now(),
         published_at = CASE WHEN $2 = 'published' THEN coalesce(published_at, now()) ELSE published_at END
        WHERE id = $1`,
      [id, status],
    );
  }

  async setFeatured(id: string, featured: boolean): Promise<void> {
    await this.dataSource.query(
      'UPDATE resources SET featured = $2, updated_at = now() WHERE id = $1',
      [id, featured],
    );
  }

  /** To the trash; false when it was there already. */
  async trash(id: string): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      // A CTE, because TypeORM answers a top-level UPDATE with [rows, count].
      `WITH u AS (UPDATE resources SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id)
       SELECT id FROM u`,
      [id],
    );
    return rows.length > 0;
  }

  /** Out of the trash if it went there less than `days` ago; false otherwise. */
  async restore(id: string, days: number): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH u AS (UPDATE resources SET deleted_at = NULL, updated_at = now()
         WHERE id = $1 AND deleted_at > now() - make_interval(days => $2) RETURNING id)
       SELECT id FROM u`,
      [id, days],
    );
    return rows.length > 0;
  }

  /** Items in the trash for longer than `days`, oldest first (to purge). */
  async expiredInTrash(days: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM resources WHERE deleted_at <= now() - make_interval(days => $1)
        ORDER BY deleted_at LIMIT $2`,
      [days, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Deletes a trashed item for good, with its revisions and review steps (cascade). */
  async purge(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM resources WHERE id = $1 AND deleted_at IS NOT NULL', [
      id,
    ]);
  }
}

/** A new item's row: its values, author and (for the demo seed) flags and dates. */
export interface NewResource extends ResourceValues {
  authorId: string;
  featured?: boolean;
  publishedAt?: Date | null;
  createdAt?: Date;
}

/**
 * Inserts an item; answers its id. A plain function so that the demo seed writes its starter
 * items with it, inside its transaction.
 */
export async function insertResource(db: Queryable, r: NewResource): Promise<string> {
  const rows = (await db.query(
    `INSERT INTO resources (kind, title, summary, problem, approach, participation, results, resources_needed,
       timescale, transferability, lessons, contact, links, language, themes, sdgs, agendas, city_id, city_country,
       city_region, scope_level, pairing_id, authority_id, status, featured, author_id, published_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15::text[], $16::smallint[], $17::text[],
       $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, coalesce($28, now()), coalesce($28, now()))
     RETURNING id`,
    [
      r.kind,
      r.title,
      r.summary,
      r.problem,
      r.approach,
      r.participation,
      r.results,
      r.resourcesNeeded,
      r.timescale,
      r.transferability,
      r.lessons,
      r.contact,
      JSON.stringify(r.links),
      r.language,
      r.themes,
      r.sdgs,
      r.agendas,
      r.cityId,
      r.cityCountry,
      r.cityRegion,
      r.scopeLevel,
      r.pairingId,
      r.authorityId,
      r.status,
      r.featured ?? false,
      r.authorId,
      r.publishedAt ?? null,
      r.createdAt ?? null,
    ],
  )) as { id: string }[];
  return rows[0].id;
}
