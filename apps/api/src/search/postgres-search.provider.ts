import { Injectable } from '@nestjs/common';
import {
  cjkSnippet,
  cjkTsQuery,
  type ParsedSearchQuery,
  type SearchFacetsDto,
  type SearchFacetValueDto,
  type SearchResultDto,
} from '@iuc/domain';
import type { SearchDocument } from './search-document.js';
import { SearchIndexRepository } from './search-index.repository.js';
import type { SearchMode, SearchPage, SearchProvider, SearchRequest } from './search-provider.js';
import {
  SearchRepository,
  type FacetCountRow,
  type FacetName,
  type SearchHitRow,
  type SearchMatch,
  type SearchViewer,
} from './search.repository.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, markedHtml } from './highlight-marks.js';

/** Facet values shown per facet, most frequent first. */
const FACET_VALUES = 30;
const FACETS: FacetName[] = ['kind', 'theme', 'sdg', 'language', 'pairing', 'country', 'year'];
/** Characters either side of a CJK match in its snippet. */
const CJK_RADIUS = 50;

/** The word's start (at most 6 letters, accents dropped): where a long text likely matches. */
function wordStart(word: string): string {
  const bare = word.normalize('NFD').replace(/\p{M}+/gu, '');
  return [...bare].slice(0, Math.max(4, Math.min(6, [...bare].length - 2))).join('');
}

/** The match for PostgreSQL: every word (or, as the fallback, any), the CJK phrases and characters. */
function matchOf(query: ParsedSearchQuery, anyWord: boolean): SearchMatch {
  const runs = [...query.cjkTerms, ...query.shortCjk.map((c) => [c])];
  const cjk = cjkTsQuery(runs);
  const words = !query.websearch ? null : anyWord ? query.latinTerms.join(' or ') : query.websearch;
  return {
    words,
    allWords: anyWord ? query.websearch : null,
    highlight: query.latinTerms.length ? query.latinTerms.join(' or ') : null,
    cjk: cjk || null,
    locate: [
      ...query.latinTerms.flatMap((w) => [...new Set([w, wordStart(w)])]),
      ...query.cjkTerms.map(
        (bigrams) =>
          bigrams[0] +
          bigrams
            .slice(1)
            .map((b) => b.slice(-1))
            .join(''),
      ),
      ...query.shortCjk,
    ],
  };
}

/** The snippet: `ts_headline`'s for words; built here around the first match for CJK. */
function snippetOf(hit: SearchHitRow, query: ParsedSearchQuery, locate: string[]): string {
  const hasCjk = query.cjkTerms.length > 0 || query.shortCjk.length > 0;
  const text = hit.excerpt.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');
  if (!hasCjk) return markedHtml(hit.excerpt.replace(/\s+/g, ' ').trim());
  const snippet = cjkSnippet(text, [...locate, ...query.latinTerms], CJK_RADIUS);
  let marked = '';
  let at = 0;
  for (const [from, to] of snippet.highlights) {
    marked +=
      snippet.text.slice(at, from) + HIGHLIGHT_START + snippet.text.slice(from, to) + HIGHLIGHT_END;
    at = to;
  }
  return markedHtml(marked + snippet.text.slice(at));
}

/** A person's result opens a pairing the searcher shares with them (staff: their first). */
function urlOf(hit: SearchHitRow, viewer: SearchViewer): string {
  if (hit.kind === 'file' && hit.page !== null && hit.page > 1)
    return `${hit.url}&page=${hit.page}`;
  if (hit.kind !== 'person') return hit.url;
  const shared = hit.pairingIds.find((id) => viewer.scopes.pairingIds.includes(id));
  const pairing = shared ?? (viewer.scopes.everywhere ? hit.pairingIds[0] : undefined);
  return pairing ? `/pairings/${pairing}` : '/pairings';
}

function facetsOf(rows: FacetCountRow[], titles: Map<string, string>): SearchFacetsDto {
  const facets = Object.fromEntries(
    FACETS.map((f) => [f, [] as SearchFacetValueDto[]]),
  ) as unknown as SearchFacetsDto;
  for (const row of rows) {
    const label = row.facet === 'pairing' ? (titles.get(row.value) ?? null) : null;
    facets[row.facet].push({ value: row.value, label, count: row.count });
  }
  for (const facet of FACETS) {
    facets[facet] = facets[facet]
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, FACET_VALUES);
  }
  return facets;
}

/** Search on PostgreSQL: the index table, per-language text search, CJK bigrams. */
@Injectable()
export class PostgresSearchProvider implements SearchProvider {
  constructor(
    private readonly writes: SearchIndexRepository,
    private readonly reads: SearchRepository,
  ) {}

  async index(subject: string, documents: Map<string, SearchDocument[]>): Promise<void> {
    await this.writes.replace(subject, documents);
  }

  async remove(subject: string, subjectIds: readonly string[]): Promise<void> {
    await this.writes.replace(subject, new Map(subjectIds.map((id) => [id, []])));
  }

  async search(viewer: SearchViewer, request: SearchRequest): Promise<SearchPage> {
    if (request.mode) return this.run(viewer, request, request.mode);
    const all = await this.run(viewer, request, 'all');
    // Fewer results with every word than a page: those with some of them follow ("economia
    // circolare" also finds "economía circular"); 'any' when none had them all.
    const full = all.hasMore || all.items.length >= request.limit;
    if (full || request.offset > 0 || request.query.latinTerms.length < 2) return all;
    return this.run(viewer, request, all.items.length > 0 ? 'some' : 'any');
  }

  private async run(
    viewer: SearchViewer,
    request: SearchRequest,
    mode: SearchMode,
  ): Promise<SearchPage> {
    const match = matchOf(request.query, mode !== 'all');
    const [hits, counts] = await Promise.all([
      this.reads.page(viewer, match, request.filters, request.offset, request.limit + 1),
      request.counts ? this.reads.facets(viewer, match, request.filters) : null,
    ]);
    const items: SearchResultDto[] = hits.slice(0, request.limit).map((hit) => ({
      kind: hit.kind,
      id: hit.id,
      title: hit.title,
      snippet: snippetOf(hit, request.query, match.locate),
      url: urlOf(hit, viewer),
      language: hit.language,
      context: hit.context,
      date: hit.date.toISOString(),
    }));
    const page = {
      items,
      hasMore: hits.length > request.limit,
      mode,
      matched: mode === 'any' ? ('any' as const) : ('all' as const),
    };
    if (!counts) return { ...page, facets: null, total: null };
    const titles = await this.reads.pairingTitles(
      counts.filter((c) => c.facet === 'pairing').map((c) => c.value),
    );
    return {
      ...page,
      facets: facetsOf(counts, titles),
      total: counts.filter((c) => c.facet === 'kind').reduce((sum, c) => sum + c.count, 0),
    };
  }
}
