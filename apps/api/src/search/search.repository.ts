import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SEARCH_CONFIGS, type SearchKind } from '@iuc/domain';
import type { ReadableScopes } from '../access/readable-scopes.js';
import { SqlParams } from '../common/sql-params.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './highlight-marks.js';

/** Who searches: their readable scopes filter the rows inside the statement. */
export interface SearchViewer {
  userId: string;
  scopes: ReadableScopes;
}

/** What to match, already made safe by the service (see parseSearchQuery). */
export interface SearchMatch {
  /** Text for `websearch_to_tsquery` in every configuration; null when the query has no words. */
  words: string | null;
  /**
   * When `words` asks for any of the words: the query with all of them, whose matches rank first.
   */
  allWords: string | null;
  /** The words as alternatives (`a or b`): each is marked in a snippet wherever it occurs. */
  highlight: string | null;
  /** A `to_tsquery('simple', …)` text over the CJK vectors (bigram phrases, characters). */
  cjk: string | null;
  /** Lowercased word starts and CJK runs, to find where in a long text the snippet should be. */
  locate: string[];
}

export interface SearchFilters {
  kind?: SearchKind;
  theme?: string;
  sdg?: number;
  language?: string;
  pairingId?: string;
  country?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

export interface SearchHitRow {
  kind: SearchKind;
  id: string;
  title: string;
  url: string;
  language: string | null;
  context: string | null;
  date: Date;
  pairingIds: string[];
  /** The excerpt, with `ts_headline`'s marks when the words matched in it. */
  excerpt: string;
  /** The PDF page of the excerpt (a file's text has '\f' between pages); null otherwise. */
  page: number | null;
}

export type FacetName = 'kind' | 'theme' | 'sdg' | 'language' | 'pairing' | 'country' | 'year';

export interface FacetCountRow {
  facet: FacetName;
  value: string;
  count: number;
}

interface RawHit {
  kind: SearchKind;
  id: string;
  title: string;
  url: string;
  language: string | null;
  context: string | null;
  occurred_at: Date;
  pairing_ids: string[];
  excerpt: string;
  page: number | null;
}

const MARKS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}`;
const HEADLINE = `${MARKS}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** Text this short is shown whole, marked (a message, a summary). */
const WHOLE_CHARS = 240;
/** A month, the scale on which an older message ranks lower. */
const MESSAGE_AGE_SECONDS = 30 * 24 * 3600;
const EXCERPT_CHARS = 1200;

/** The statement's shared parts: the query, the match, the visibility rule and the filters. */
function statementParts(viewer: SearchViewer, match: SearchMatch, filters: SearchFilters) {
  const p = new SqlParams();
  const words = match.words === null ? null : p.add(match.words);
  const inEveryConfig = (text: string) =>
    SEARCH_CONFIGS.map((c) => `websearch_to_tsquery('${c}', ${text})`).join(' || ');
  const wq = words ? inEveryConfig(words) : `''::tsquery`;
  // Added only by the statement that ranks (an unused parameter has no type: an error).
  const boost = () =>
    match.allWords === null
      ? ''
      : ` + CASE WHEN d.words @@ (${inEveryConfig(p.add(match.allWords))}) THEN 10 ELSE 0 END`;
  const cq = match.cjk ? `to_tsquery('simple', ${p.add(match.cjk)})` : `''::tsquery`;
  const conditions = [visibleSql(p, viewer)];
  if (words) conditions.push('d.words @@ q.wq');
  if (match.cjk) conditions.push('d.cjk @@ q.cq');
  conditions.push(...filterSql(p, viewer, filters));
  // Ranked by the title and summary alone (a small vector); a match in the body only ranks
  // after every match in them, newest first.
  const score = `ts_rank(d.head, q.wq || q.cq, 1) + CASE WHEN d.head @@ (q.wq || q.cq) THEN 1 ELSE 0 END`;
  return {
    p,
    withQ: `WITH q AS (SELECT (${wq}) AS wq, (${cq}) AS cq)`,
    /** The snippet's query, added only by the statement that makes snippets. */
    highlightQuery: () =>
      match.highlight === null ? `''::tsquery` : inEveryConfig(p.add(match.highlight)),
    where: conditions.join(' AND '),
    score: () => `(${score}${boost()}) * (CASE WHEN d.kind = 'message'
       THEN 1 / (1 + extract(epoch FROM now() - d.occurred_at) / ${MESSAGE_AGE_SECONDS}) ELSE 1 END)`,
    hasWords: words !== null,
  };
}

/**
 * Who may find a row (see SearchAudience): staff all but a city team's own; the author their own;
 * otherwise by audience, the pairings and sides of the viewer's readable scopes.
 */
function visibleSql(p: SqlParams, viewer: SearchViewer): string {
  const { scopes } = viewer;
  const me = p.add(viewer.userId);
  if (scopes.everywhere) return `(d.audience <> 'team' OR d.author_id = ${me}::uuid)`;
  const pairings = p.add(scopes.pairingIds);
  const sidePairings = p.add(scopes.sides.map((s) => s.pairingId));
  const sides = p.add(scopes.sides.map((s) => s.side));
  const cities = p.add(scopes.sides.map((s) => s.authorityId));
  // The first line is implied by the rest, and indexed: the planner reads only those rows.
  return `(d.audience = 'everyone' OR d.author_id = ${me}::uuid OR d.pairing_ids && ${pairings}::uuid[])
    AND (d.audience = 'everyone' OR d.author_id = ${me}::uuid
    OR (d.audience = 'pairing' AND d.pairing_ids && ${pairings}::uuid[])
    OR (d.audience IN ('side', 'team') AND (
         (d.pairing_ids[1], d.side) IN (SELECT * FROM unnest(${sidePairings}::uuid[], ${sides}::text[]))
      OR (d.pairing_ids[1], d.authority_id) IN (SELECT * FROM unnest(${sidePairings}::uuid[], ${cities}::uuid[])))))`;
}

function filterSql(p: SqlParams, viewer: SearchViewer, f: SearchFilters): string[] {
  const out: string[] = [];
  if (f.kind) out.push(`d.kind = ${p.add(f.kind)}`);
  if (f.theme) out.push(`d.themes @> ARRAY[${p.add(f.theme)}::text]`);
  if (f.sdg !== undefined) out.push(`d.sdgs @> ARRAY[${p.add(f.sdg)}::smallint]`);
  if (f.language) out.push(`d.language = ${p.add(f.language)}`);
  if (f.country) out.push(`d.country = ${p.add(f.country)}`);
  if (f.from) out.push(`d.occurred_at >= ${p.add(f.from)}::date`);
  if (f.to) out.push(`d.occurred_at < ${p.add(f.to)}::date + 1`);
  if (f.pairingId) {
    const pairing = p.add(f.pairingId);
    out.push(`d.pairing_ids @> ARRAY[${pairing}::uuid]`);
    // Whom a person works with is known only within the viewer's own pairings.
    if (!viewer.scopes.everywhere && !viewer.scopes.pairingIds.includes(f.pairingId)) {
      out.push(`d.kind <> 'person'`);
    }
  }
  return out;
}

/** Reads the index: the search module is the only reader of `search_documents`. */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of results, best first, with excerpts around the first match. */
  async page(
    viewer: SearchViewer,
    match: SearchMatch,
    filters: SearchFilters,
    offset: number,
    limit: number,
  ): Promise<SearchHitRow[]> {
    const { p, withQ, where, score, hasWords, highlightQuery } = statementParts(
      viewer,
      match,
      filters,
    );
    const locate = p.add(match.locate);
    const headline = hasWords
      ? `CASE WHEN length(x.excerpt) <= ${WHOLE_CHARS}
              THEN ts_headline(d.config, x.excerpt, hq.q, '${MARKS}, HighlightAll=true')
              ELSE ts_headline(d.config, x.excerpt, hq.q, '${HEADLINE}') END`
      : 'x.excerpt';
    const rows = await this.matching<RawHit[]>(
      `${withQ},
       page AS (
         SELECT d.kind, d.id, ${score()} AS score, d.occurred_at
           FROM search_documents d, q
          WHERE ${where}
          ORDER BY score DESC, d.occurred_at DESC, d.kind, d.id
         OFFSET ${p.add(offset)} LIMIT ${p.add(limit)})
       SELECT d.kind, d.id, d.title, d.url, d.language, d.context, d.occurred_at, d.pairing_ids,
              ${headline} AS excerpt,
              CASE WHEN d.kind = 'file' THEN 1 + length(x.before) - length(replace(x.before, E'\\f', '')) END AS page
         FROM page JOIN search_documents d USING (kind, id) CROSS JOIN (SELECT ${highlightQuery()} AS q) hq
        CROSS JOIN LATERAL (SELECT d.summary || E'\\n' || d.body AS text) h
        CROSS JOIN LATERAL (
          SELECT coalesce(min(at), 1) AS at FROM (
            SELECT strpos(lower(h.text), t) AS at FROM unnest(${locate}::text[]) t) found
           WHERE at > 0) loc
        CROSS JOIN LATERAL (
          -- A window that starts inside a word starts after it (at most 20 characters dropped).
          SELECT CASE WHEN loc.at > 151
                      THEN regexp_replace(substr(h.text, loc.at - 150, ${EXCERPT_CHARS}), '^\\S{0,20}\\s+', '')
                      ELSE substr(h.text, 1, ${EXCERPT_CHARS}) END AS excerpt,
                 left(h.text, loc.at - 1) AS before) x
        ORDER BY page.score DESC, page.occurred_at DESC, page.kind, page.id`,
      p.values,
    );
    return rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      title: r.title,
      url: r.url,
      language: r.language,
      context: r.context,
      date: r.occurred_at,
      pairingIds: r.pairing_ids,
      excerpt: r.excerpt,
      page: r.page === null ? null : Number(r.page),
    }));
  }

  /** Counts per facet value over every visible match (never rows the viewer may not see). */
  async facets(
    viewer: SearchViewer,
    match: SearchMatch,
    filters: SearchFilters,
  ): Promise<FacetCountRow[]> {
    const { p, withQ, where } = statementParts(viewer, match, filters);
    const mine = viewer.scopes.everywhere
      ? 'true'
      : `x = ANY(${p.add(viewer.scopes.pairingIds)}::uuid[])`;
    const rows = await this.matching<{ facet: FacetName; value: string; count: string }[]>(
      `${withQ},
       hits AS MATERIALIZED (
         SELECT d.kind, d.language, d.country, d.themes, d.sdgs, d.pairing_ids, d.occurred_at
           FROM search_documents d, q WHERE ${where})
       SELECT 'kind' AS facet, kind AS value, count(*) FROM hits GROUP BY 2
       UNION ALL SELECT 'language', language, count(*) FROM hits WHERE language IS NOT NULL GROUP BY 2
       UNION ALL SELECT 'country', country, count(*) FROM hits WHERE country IS NOT NULL GROUP BY 2
       UNION ALL SELECT 'theme', x, count(*) FROM hits, unnest(themes) x GROUP BY 2
       UNION ALL SELECT 'sdg', x::text, count(*) FROM hits, unnest(sdgs) x GROUP BY 2
       UNION ALL SELECT 'pairing', x::text, count(*) FROM hits, unnest(pairing_ids) x
                  WHERE hits.kind <> 'person' OR ${mine} GROUP BY 2
       UNION ALL SELECT 'year', extract(year FROM occurred_at AT TIME ZONE 'UTC')::int::text, count(*)
                  FROM hits GROUP BY 2`,
      p.values,
    );
    return rows.map((r) => ({ facet: r.facet, value: r.value, count: Number(r.count) }));
  }

  /**
   * Runs a statement that matches words, with the planner told that reading pages at random
   * costs little more than in order (as on SSD, or from cache). With the default (4), it reads
   * the whole table for a common word instead of the word index: measured on 200,000 documents,
   * counting one word's 13,000 matches took 79 ms by a full scan and 24 ms through the index.
   */
  private matching<T>(sql: string, params: unknown[]): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL random_page_cost = 1.1');
      return m.query(sql, params) as Promise<T>;
    });
  }

  /** The titles of these pairings, as the index holds them (the facet's labels). */
  async pairingTitles(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; title: string }[]>(
      `SELECT id, title FROM search_documents WHERE kind = 'pairing' AND id = ANY($1::text[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}
