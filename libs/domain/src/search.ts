/**
 * The search contract (issue 24): what `GET /api/search` takes and answers, shared by the API, the
 * web and the benchmark. The API fills it from its `search/` module; see docs/architecture.md.
 */

/** What a result is. `person` results carry a name only. */
export const SEARCH_KINDS = [
  'resource',
  'file',
  'plan-section',
  'action',
  'message',
  'pairing',
  'authority',
  'person',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export function isSearchKind(value: unknown): value is SearchKind {
  return typeof value === 'string' && (SEARCH_KINDS as readonly string[]).includes(value);
}

/** Results per page, and how deep paging goes (nobody reads page 50; the cap bounds the work). */
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_OFFSET = 500;

/** The query string of `GET /api/search`. Every filter is optional; `q` is required. */
export interface SearchQueryDto {
  q: string;
  kind?: SearchKind;
  /** A theme code (taxonomies THEMES). */
  theme?: string;
  sdg?: number;
  /** A language tag of the text ('es', 'zh'…). */
  language?: string;
  pairingId?: string;
  /** ISO 3166-1 alpha-2 of the city the result belongs to. */
  country?: string;
  /** Results dated on or after / before this day (YYYY-MM-DD). */
  from?: string;
  to?: string;
  cursor?: string;
  /** Page size, 1..SEARCH_PAGE_SIZE (the header's suggestions ask for 6). */
  limit?: number;
  /**
   * Count the facets and the total (default true). Only a first page counts them; the header's
   * suggestions ask for none (counting every match costs more than finding the best few).
   */
  facets?: boolean;
}

export interface SearchResultDto {
  kind: SearchKind;
  /** The object's id (a plan section: `<planId>:<sectionKey>`; an action: `<planId>:<actionId>`). */
  id: string;
  title: string;
  /**
   * A short passage around the match, HTML-escaped, with each matching word wrapped in `<mark>`
   * (the only tags it contains).
   */
  snippet: string;
  /** The web client's path that opens the result where it matched. */
  url: string;
  /** The language of the text, when known. */
  language: string | null;
  /** Where it lives, for the result's second line: a pairing's title, a channel, a plan… */
  context: string | null;
  /** When it was written or last changed (ISO). */
  date: string;
}

export interface SearchFacetValueDto {
  value: string;
  /** A display name where the value is an id (a pairing's title); null otherwise. */
  label: string | null;
  count: number;
}

/** Counts over everything the query matched that the person may see (never more). */
export interface SearchFacetsDto {
  kind: SearchFacetValueDto[];
  theme: SearchFacetValueDto[];
  sdg: SearchFacetValueDto[];
  language: SearchFacetValueDto[];
  pairing: SearchFacetValueDto[];
  country: SearchFacetValueDto[];
  year: SearchFacetValueDto[];
}

export interface SearchResponseDto {
  items: SearchResultDto[];
  nextCursor: string | null;
  /** On a first page that asked for them; null otherwise. */
  facets: SearchFacetsDto | null;
  /** How many results match, in all; null when facets were not counted. */
  total: number | null;
  /**
   * 'all' when results have every word (first; when they are fewer than a page, results with
   * some of the words follow them); 'any' when none had them all and these have some (the page
   * says so).
   */
  matched: 'all' | 'any';
}

/**
 * The web paths results open (`SearchResultDto.url`): the API builds them, the web's pages honour
 * the parameters (scroll to the section, action, message or file, and the PDF page).
 */
export const searchUrls = {
  resource: (resourceId: string) => `/library/${resourceId}`,
  file: (resourceId: string, fileId: string, page?: number | null) =>
    `/library/${resourceId}?file=${fileId}${page ? `&page=${page}` : ''}`,
  planSection: (planId: string, sectionKey: string) => `/plans/${planId}?section=${sectionKey}`,
  action: (planId: string, actionId: string) =>
    `/plans/${planId}?action=${encodeURIComponent(actionId)}`,
  message: (pairingId: string, channelId: string, messageId: string, parentId?: string | null) =>
    `/pairings/${pairingId}/discussions/${channelId}?message=${messageId}${parentId ? `&thread=${parentId}` : ''}`,
  pairing: (pairingId: string) => `/pairings/${pairingId}`,
  /** A city: the directory of pairings, filtered to the city's. */
  authority: (authorityId: string) => `/pairings?city=${authorityId}`,
  /** A person: a pairing page (which lists its members) the searcher shares with them. */
  person: (pairingId: string) => `/pairings/${pairingId}`,
};
