/**
 * The library's filters as they live in the address (so a filtered view can be bookmarked and
 * shared): parsed leniently (an unknown value is dropped, never an error) and written back with
 * empty filters left out.
 */
import {
  CONTENT_LANGUAGES,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  THEMES,
  WORLD_REGIONS,
  isOneOf,
  type ContentLanguage,
  type ResourceKind,
  type ResourceStatus,
  type ThemeCode,
  type WorldRegionCode,
} from '@iuc/domain';

export const LIBRARY_SORTS = ['newest', 'relevance'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export interface LibraryFilters {
  kind?: ResourceKind;
  theme?: ThemeCode;
  sdg?: number;
  region?: WorldRegionCode;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  /** An authority id. */
  city?: string;
  language?: ContentLanguage;
  year?: number;
  featured?: boolean;
  status?: ResourceStatus;
  q?: string;
  sort?: LibrarySort;
}

/** The facets the page offers as filter controls, in the order shown. */
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function intIn(raw: string | null, min: number, max: number): number | undefined {
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}

export function filtersFromParams(params: URLSearchParams): LibraryFilters {
  const get = (key: string) => params.get(key)?.trim() || null;
  const pick = <T extends string>(values: readonly T[], key: string): T | undefined => {
    const v = get(key);
    return isOneOf(values, v) ? v : undefined;
  };
  const country = get('country')?.toUpperCase();
  const city = get('city');
  const q = get('q')?.slice(0, 200);
  const filters: LibraryFilters = {
    kind: pick(RESOURCE_KINDS, 'kind'),
    theme: pick(THEMES, 'theme'),
    sdg: intIn(get('sdg'), 1, 17),
    region: pick(WORLD_REGIONS, 'region'),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    city: city && UUID.test(city) ? city.toLowerCase() : undefined,
    language: pick(CONTENT_LANGUAGES, 'language'),
    year: intIn(get('year'), 1900, 2999),
    featured: get('featured') === 'true' ? true : undefined,
    status: pick(RESOURCE_STATUSES, 'status'),
    q: q || undefined,
    sort: pick(LIBRARY_SORTS, 'sort'),
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined),
  ) as LibraryFilters;
}

/** The address's query string for these filters: a stable order, nothing empty. */
export function paramsFromFilters(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  const order: (keyof LibraryFilters)[] = ['q', ...FACET_KEYS, 'featured', 'status', 'sort'];
  for (const key of order) {
    const value = filters[key];
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The filters with one changed (undefined or '' clears it). */
export function withFilter<K extends keyof LibraryFilters>(
  filters: LibraryFilters,
  key: K,
  value: LibraryFilters[K] | '' | undefined,
): LibraryFilters {
  const next = { ...filters };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value as LibraryFilters[K];
  return next;
}

/** How many filters narrow the list (the sort and the text box are not counted). */
export function activeFilterCount(filters: LibraryFilters): number {
  return FACET_KEYS.filter((k) => filters[k] !== undefined).length + (filters.featured ? 1 : 0);
}

/** The API's query for these filters (sort: relevance only means something with a text). */
export function apiQuery(filters: LibraryFilters, cursor?: string | null) {
  const { sort, ...rest } = filters;
  return {
    ...rest,
    sort: sort ?? (filters.q ? 'relevance' : 'newest'),
    ...(cursor ? { cursor } : {}),
  };
}
