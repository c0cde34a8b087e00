/** The library's filters, read from and written to the address (shareable, bookmarkable). */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersFromParams, paramsFromFilters, withFilter, type LibraryFilters } from './filters';

export function useLibraryFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const setFilter = useCallback(
    <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K] | '' | undefined) =>
      setParams(
        (current) => paramsFromFilters(withFilter(filtersFromParams(current), key, value)),
        {
          replace: true,
        },
      ),
    [setParams],
  );
  const clear = useCallback(
    () =>
      setParams(
        (current) => {
          const { q, sort } = filtersFromParams(current);
          return paramsFromFilters({ q, sort });
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, setFilter, clear };
}
