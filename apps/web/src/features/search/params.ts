/**
 * The search page's query and filters as they live in the address (`/search?q=…&kind=…`), so a
 * search can be bookmarked and shared: read leniently (an unknown value is dropped), written back
 * in a stable order with empty values left out.
 */
import {
  CONTENT_LANGUAGES,
  THEMES,
  isOneOf,
  isSearchKind,
  type ContentLanguage,
  type SearchKind,
  type ThemeCode,
} from '@iuc/domain';

export interface SearchFilters {
  q?: string;
  kind?: SearchKind;
  theme?: ThemeCode;
  sdg?: number;
  language?: ContentLanguage;
  pairingId?: string;
  country?: string;
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
}

/** The filters the page offers besides the text and the kind, in the address's order. */
export const FILTER_KEYS = [
  'theme',
  'sdg',
  'language',
  'pairingId',
  'country',
  'from',
  'to',
] as const satisfies readonly (keyof SearchFilters)[];
/** Every filter cleared (for `update`). */
export const NO_FILTERS = Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])) as Record<
  (typeof FILTER_KEYS)[number],
  undefined
>;
const ORDER: (keyof SearchFilters)[] = ['q', 'kind', ...FILTER_KEYS];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const get = (key: string) => params.get(key)?.trim() || undefined;
  const kind = get('kind');
  const theme = get('theme');
  const sdg = Number(get('sdg'));
  const language = get('language')?.toLowerCase();
  const pairingId = get('pairingId');
  const country = get('country')?.toUpperCase();
  const from = get('from');
  const to = get('to');
  const filters: SearchFilters = {
    q: get('q'),
    kind: isSearchKind(kind) ? kind : undefined,
    theme: isOneOf(THEMES, theme) ? theme : undefined,
    sdg: Number.isInteger(sdg) && sdg >= 1 && sdg <= 17 ? sdg : undefined,
    language: isOneOf(CONTENT_LANGUAGES, language) ? language : undefined,
    pairingId: pairingId && UUID.test(pairingId) ? pairingId.toLowerCase() : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined),
  ) as SearchFilters;
}

export function paramsFromFilters(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** The results page's address for a text (and filters). */
export function searchPath(filters: SearchFilters): string {
  return `/search?${paramsFromFilters(filters).toString()}`;
}

/** How many filters narrow the results (the text and the kind are not counted). */
export function activeFilterCount(filters: SearchFilters): number {
  return FILTER_KEYS.filter((k) => filters[k] !== undefined).length;
}

/** A year facet as the date range it stands for. */
export function yearRange(year: string): Pick<SearchFilters, 'from' | 'to'> {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The year the range covers exactly, if it is one whole year. */
export function yearOf(filters: SearchFilters): string | null {
  const year = filters.from?.slice(0, 4);
  return year && filters.from === `${year}-01-01` && filters.to === `${year}-12-31` ? year : null;
}

/** The API's query for these filters. */
export function apiQuery(
  filters: SearchFilters & { q: string },
  cursor?: string | null,
  limit?: number,
) {
  return {
    ...filters,
    ...(cursor ? { cursor } : {}),
    ...(limit ? { limit } : {}),
  };
}
