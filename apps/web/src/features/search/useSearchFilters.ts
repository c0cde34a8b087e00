/** The search page's query and filters, read from and written to the address. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromParams, paramsFromFilters, type SearchFilters } from './params';

export function useSearchFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  /** Changes some filters; undefined or '' clears one. A new text is a new history entry. */
  const update = useCallback(
    (change: Partial<Record<keyof SearchFilters, string | number | undefined>>) =>
      setParams(
        (current) => {
          const next: Record<string, unknown> = { ...filtersFromParams(current), ...change };
          return paramsFromFilters(filtersFromParams(paramsFromFilters(next as SearchFilters)));
        },
        { replace: !('q' in change) },
      ),
    [setParams],
  );
  return { filters, update };
}
