import type { ParsedSearchQuery, SearchResponseDto } from '@iuc/domain';
import type { SearchDocument } from './search-document.js';
import type { SearchFilters, SearchViewer } from './search.repository.js';

/**
 * Which results a search lists: those with every word (`all`); those first, then the ones with
 * some of the words (`some`: fewer than a page had them all); or only the latter (`any`: none had).
 * The first page decides; the cursor carries it to the next pages.
 */
export type SearchMode = 'all' | 'some' | 'any';

/** One search, checked and parsed by the service. */
export interface SearchRequest {
  query: ParsedSearchQuery;
  filters: SearchFilters;
  offset: number;
  limit: number;
  /** Decided by the first page; null on the first page. */
  mode: SearchMode | null;
  /** Count the facets and the total. */
  counts: boolean;
}

/** A page of results before the service adds its cursor. */
export type SearchPage = Omit<SearchResponseDto, 'nextCursor'> & {
  hasMore: boolean;
  mode: SearchMode;
};

/**
 * The engine behind search. The first is PostgreSQL (PostgresSearchProvider); an external engine
 * (OpenSearch, Meilisearch) would implement the same three calls: `index` would send the
 * documents with their audience fields, `search` would translate the viewer's readable scopes
 * into the engine's filter (see docs/architecture.md, Search).
 */
export interface SearchProvider {
  /** Makes the index hold exactly these documents for each subject id (none: it leaves). */
  index(subject: string, documents: Map<string, SearchDocument[]>): Promise<void>;
  /** Removes every document of these subjects. */
  remove(subject: string, subjectIds: readonly string[]): Promise<void>;
  /** What `viewer` may find, best first, with facet counts over the same. */
  search(viewer: SearchViewer, request: SearchRequest): Promise<SearchPage>;
}

export const SEARCH_PROVIDER = Symbol('SearchProvider');
