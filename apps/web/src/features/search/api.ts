/** `GET /api/search`: the header's suggestions and the results page, a page at a time. */
import { SEARCH_PAGE_SIZE, parseSearchQuery, type SearchResponseDto } from '@iuc/domain';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, body } from '../../api/api';
import { apiQuery, type SearchFilters } from './params';

/** How many suggestions the header box shows. */
export const SUGGESTION_COUNT = 6;

export const searchKeys = {
  all: ['search'] as const,
  suggestions: (q: string) => ['search', 'suggestions', q] as const,
  results: (filters: SearchFilters) => ['search', 'results', filters] as const,
};

function fetchSearch(
  filters: SearchFilters & { q: string },
  cursor: string | null,
  limit: number,
  signal: AbortSignal,
  facets = true,
): Promise<SearchResponseDto> {
  const query = { ...apiQuery(filters, cursor, limit), ...(facets ? {} : { facets: false }) };
  return body(api.GET('/api/search', { params: { query }, signal }));
}

/** Whether a text has anything to search for (not blank, not only operators, not too long). */
export function isSearchable(q: string): boolean {
  return parseSearchQuery(q).ok;
}

/**
 * Suggestions for the header box. Each text is its own query, so an answer that comes late for an
 * older text never replaces the current one's (it only fills that text's cache entry).
 */
export function useSuggestions(q: string) {
  return useQuery({
    queryKey: searchKeys.suggestions(q),
    // Suggestions need no counts: the API skips the costlier half of the work.
    queryFn: ({ signal }) => fetchSearch({ q }, null, SUGGESTION_COUNT, signal, false),
    enabled: isSearchable(q),
    // Shown at once when a text comes back, and asked again: a new message is findable in seconds.
    staleTime: 0,
    retry: false,
  });
}

/** The results page: page one with the facets, then "Load more". Nothing is asked without a text. */
export function useSearchResults(filters: SearchFilters) {
  const q = filters.q ?? '';
  return useInfiniteQuery({
    queryKey: searchKeys.results(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchSearch({ ...filters, q }, pageParam, SEARCH_PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q !== '',
    placeholderData: keepPreviousData,
    // A 400 (empty or too long a query) will not change on retry.
    retry: (count, err) => count < 2 && !(err as { statusCode?: number }).statusCode,
  });
}
