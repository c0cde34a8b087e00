/** The directory's cities, for tagging an item with the city it is about. */
import { useQuery } from '@tanstack/react-query';
import { api, body } from '../../api/api';

export function useAuthorities() {
  return useQuery({
    queryKey: ['authorities'],
    queryFn: () => body(api.GET('/api/authorities')),
    staleTime: 10 * 60_000,
  });
}
