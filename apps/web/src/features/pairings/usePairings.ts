import {
  CALLS,
  THEMES,
  WORLD_REGIONS,
  isOneOf,
  type CreateInvitationRequest,
  type PairingFilters,
} from '@iuc/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, body } from '../../api/api';
import type { operations } from '../../api/api-schema';

type PairingQuery = operations['PairingsController_list']['parameters']['query'];

export function usePairings(filters: PairingFilters = {}) {
  return useQuery({
    queryKey: ['pairings', filters],
    // PairingFilters types `call` as any string; useDirectoryFilters lets only CALLS codes through.
    queryFn: () => body(api.GET('/api/pairings', { params: { query: filters as PairingQuery } })),
    // Keep the old results on screen while the next filter's results load.
    placeholderData: keepPreviousData,
  });
}

export function usePairing(id: string) {
  return useQuery({
    queryKey: ['pairing', id],
    queryFn: () => body(api.GET('/api/pairings/{id}', { params: { path: { id } } })),
  });
}

export function useInvite(pairingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitation: CreateInvitationRequest) =>
      body(
        api.POST('/api/pairings/{pairingId}/invitations', {
          params: { path: { pairingId } },
          body: invitation,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['pairing', pairingId] }),
  });
}

export type FilterKey = keyof PairingFilters;

/** The directory's filters live in the query string, so a filtered view can be bookmarked and shared. */
export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo((): PairingFilters => {
    const get = (key: FilterKey) => params.get(key)?.trim() || undefined;
    const region = get('region');
    const theme = get('theme');
    const call = get('call');
    const country = get('country');
    return {
      text: get('text'),
      region: isOneOf(WORLD_REGIONS, region) ? region : undefined,
      theme: isOneOf(THEMES, theme) ? theme : undefined,
      call: CALLS.some((c) => c.code === call) ? call : undefined,
      country: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined,
    };
  }, [params]);

  const setFilter = useCallback(
    (key: FilterKey, value: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  // One city's pairings (a search result's link): narrowed here, the API has no such filter.
  const city = params.get('city')?.trim().toLowerCase() || undefined;
  const clearCity = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete('city');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { filters, setFilter, clear, city, clearCity };
}
