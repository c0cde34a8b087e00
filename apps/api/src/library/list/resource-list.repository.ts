import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ResourceListQuery } from '@iuc/domain';
import { readableScopeSql, type ReadableScopes } from '../../access/readable-scopes.js';
import { AT } from '../../common/sql-time.js';
import { SqlParams as Params } from '../../common/sql-params.js';
import {
  RESOURCE_COLUMNS,
  toResourceRow,
  type RawResource,
  type ResourceRow,
} from '../items/resources.repository.js';
import type { ListPosition } from './resource-cursor.js';

/** Who is listing: the visibility filter is theirs. */
export interface Viewer {
  userId: string;
  staff: boolean;
  scopes: ReadableScopes;
}

export const FACET_KEYS = [
  'kind',
  'theme',
  'sdg',
  'region',
  'country',
  'city',
  'language',
  'year',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export type FacetCounts = Record<FacetKey, { value: string; count: number }[]>;

export interface RankedRow {
  row: ResourceRow;
  rank: number;
}

const YEAR = `extract(year FROM coalesce(r.published_at, r.created_at) AT TIME ZONE 'UTC')::int`;

/** Each facet's filter, given its parameter. Array containment, so the GIN indexes serve. */
const FACET_FILTER: Record<FacetKey, (p: string) => string> = {
  kind: (p) => `r.kind = ${p}`,
  theme: (p) => `r.themes @> ARRAY[${p}::text]`,
  sdg: (p) => `r.sdgs @> ARRAY[${p}::smallint]`,
  region: (p) => `r.city_region = ${p}`,
  country: (p) => `r.city_country = ${p}`,
  city: (p) => `r.city_id = ${p}::uuid`,
  language: (p) => `r.language = ${p}`,
  year: (p) => `${YEAR} = ${p}::int`,
};

/** What each facet counts: a value per item, or one per element of an array column. */
const FACET_VALUE: Record<FacetKey, { from: string; value: string }> = {
  kind: { from: '', value: 'r.kind' },
  theme: { from: ', unnest(r.themes) AS x', value: 'x' },
  sdg: { from: ', unnest(r.sdgs) AS x', value: 'x::text' },
  region: { from: '', value: 'r.city_region' },
  country: { from: '', value: 'r.city_country' },
  city: { from: '', value: 'r.city_id::text' },
  language: { from: '', value: 'r.language' },
  year: { from: '', value: `${YEAR}::text` },
};

/** `q` as an ILIKE pattern: its words in order, wildcards in it taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\s+/g, '%')}%`;
}

/**
 * The library's visibility rule in SQL, the same as resourceRights' `read` for a live item:
 * programme items when published, or to their author and staff; pairing items to the pairing's
 * members and staff; side items to their city's team and author (staff hold no side).
 */
function visibleSql(p: Params, viewer: Viewer): string {
  const first = p.values.length + 1;
  const scope = readableScopeSql(
    viewer.scopes,
    { pairing: 'r.pairing_id', side: 'NULL::text', authority: 'r.authority_id' },
    first,
  );
  scope.params.forEach((v) => p.add(v));
  const me = p.add(viewer.userId);
  const staff = viewer.staff ? 'true' : 'false';
  const onOwnSide = viewer.scopes.everywhere ? 'false' : scope.onOwnSide;
  return `((r.scope_level = 'programme' AND (r.status = 'published' OR r.author_id = ${me}::uuid OR ${staff}))
    OR (r.scope_level = 'pairing' AND (${scope.inPairing} OR r.author_id = ${me}::uuid))
    OR (r.scope_level = 'side' AND (${onOwnSide} OR r.author_id = ${me}::uuid)))`;
}

/** The filters that are not facets (status, featured, words), and the facets' own, as SQL. */
function filterSql(p: Params, q: ResourceListQuery) {
  const base: string[] = [];
  if (q.status) base.push(`r.status = ${p.add(q.status)}`);
  if (q.featured !== undefined) base.push(`r.featured = ${p.add(q.featured)}`);
  const words = q.q ? p.add(likePattern(q.q)) : null;
  if (words) base.push(`(r.title ILIKE ${words} OR r.summary ILIKE ${words})`);
  const facets = new Map<FacetKey, string>();
  for (const key of FACET_KEYS) {
    const value = q[key];
    if (value !== undefined) facets.set(key, FACET_FILTER[key](p.add(value)));
  }
  return { base, facets, words };
}

const all = (parts: readonly string[]) => (parts.length ? parts.join(' AND ') : 'true');

/**
 * The library list, its facet counts and the trash, each one statement filtered by what the
 * viewer may see (visibility decided in SQL, never after the page is cut).
 */
@Injectable()
export class ResourceListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page, newest first; with `relevance`, title matches of `q` first. */
  async page(
    viewer: Viewer,
    query: ResourceListQuery,
    after: ListPosition | null,
    limit: number,
  ): Promise<RankedRow[]> {
    const p = new Params();
    const visible = visibleSql(p, viewer);
    const f = filterSql(p, query);
    const rank = query.sort === 'relevance' && f.words ? `(r.title ILIKE ${f.words})::int` : '0';
    const where = [`r.deleted_at IS NULL`, visible, ...f.base, ...f.facets.values()];
    if (after) {
      where.push(
        `(${rank}, r.created_at, r.id) < (${p.add(after.rank)}::int, ${AT(p.add(after.position.micros))}, ${p.add(after.position.id)}::uuid)`,
      );
    }
    const rows: (RawResource & { rank: number })[] = await this.dataSource.query(
      `SELECT ${RESOURCE_COLUMNS}, ${rank} AS rank FROM resources r
        WHERE ${all(where)}
        ORDER BY ${rank === '0' ? '' : `${rank} DESC, `}r.created_at DESC, r.id DESC LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map((r) => ({ row: toResourceRow(r), rank: Number(r.rank) }));
  }

  /**
   * How many visible items each facet value has under the other filters (a facet's own filter is
   * left out of its counts, so the other values of it stay choosable).
   */
  async facets(viewer: Viewer, query: ResourceListQuery): Promise<FacetCounts> {
    const p = new Params();
    const visible = visibleSql(p, viewer);
    const f = filterSql(p, query);
    const selects = FACET_KEYS.map((key) => {
      const others = [...f.facets].filter(([k]) => k !== key).map(([, sql]) => sql);
      const { from, value } = FACET_VALUE[key];
      return `SELECT '${key}' AS facet, ${value} AS value, count(*)::int AS n FROM v r${from}
        WHERE ${all([...others, `${value} IS NOT NULL`])} GROUP BY 2`;
    });
    const rows: { facet: FacetKey; value: string; n: number }[] = await this.dataSource.query(
      `WITH v AS (SELECT r.* FROM resources r WHERE r.deleted_at IS NULL AND ${visible} AND ${all(f.base)})
       ${selects.join('\nUNION ALL\n')}
       ORDER BY 1, 3 DESC, 2`,
      p.values,
    );
    const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, []])) as unknown as FacetCounts;
    for (const r of rows) counts[r.facet].push({ value: r.value, count: r.n });
    return counts;
  }

  /** Items in the trash (less than `days`) the viewer may restore: their own, or all for staff. */
  async trash(viewer: Viewer, days: number, limit: number): Promise<ResourceRow[]> {
    const rows: RawResource[] = await this.dataSource.query(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r
        WHERE r.deleted_at > now() - make_interval(days => $1) AND ($2 OR r.author_id = $3)
        ORDER BY r.deleted_at DESC, r.id LIMIT $4`,
      [days, viewer.staff, viewer.userId, limit],
    );
    return rows.map(toResourceRow);
  }

  /** Programme items waiting for a verdict, the longest-waiting first. */
  async awaitingReview(limit: number): Promise<ResourceRow[]> {
    const rows: RawResource[] = await this.dataSource.query(
      `SELECT ${RESOURCE_COLUMNS} FROM resources r
        WHERE r.status = 'submitted' AND r.scope_level = 'programme' AND r.deleted_at IS NULL
        ORDER BY r.updated_at, r.id LIMIT $1`,
      [limit],
    );
    return rows.map(toResourceRow);
  }
}
