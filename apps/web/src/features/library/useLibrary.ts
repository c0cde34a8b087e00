/** The library's REST API: queries and mutations, and which caches each change makes stale. */
import type {
  CreateResourceRequest,
  ResourceReviewRequest,
  UpdateResourceRequest,
} from '@iuc/domain';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, body } from '../../api/api';
import { apiQuery, type LibraryFilters } from './filters';

const item = (id: string) => ({ params: { path: { id } } });

export const libraryKeys = {
  all: ['library'] as const,
  list: (filters: LibraryFilters) => ['library', 'list', filters] as const,
  item: (id: string) => ['library', 'item', id] as const,
  revisions: (id: string) => ['library', 'item', id, 'revisions'] as const,
  citations: (id: string) => ['library', 'item', id, 'citations'] as const,
  trash: ['library', 'trash'] as const,
  reviewQueue: ['library', 'review-queue'] as const,
  search: (q: string) => ['library', 'search', q] as const,
};

export const LIBRARY_PAGE_SIZE = 24;

/** The library's list under `filters`, a page at a time ("Load more"); facets come with page one. */
export function useResources(filters: LibraryFilters) {
  return useInfiniteQuery({
    queryKey: libraryKeys.list(filters),
    queryFn: ({ pageParam }) =>
      body(
        api.GET('/api/resources', {
          params: { query: { ...apiQuery(filters, pageParam), limit: LIBRARY_PAGE_SIZE } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Items found by a text, good practices first (the "Inspired by" picker). */
export function useResourceSearch(q: string) {
  return useQuery({
    queryKey: libraryKeys.search(q),
    queryFn: async () => {
      const list = await body(
        api.GET('/api/resources', {
          params: { query: { q: q || undefined, sort: q ? 'relevance' : 'newest', limit: 20 } },
        }),
      );
      const goodFirst = [...list.items].sort(
        (a, b) => Number(b.kind === 'good_practice') - Number(a.kind === 'good_practice'),
      );
      return goodFirst;
    },
    placeholderData: keepPreviousData,
  });
}

export function useResource(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: libraryKeys.item(id),
    queryFn: () => body(api.GET('/api/resources/{id}', item(id))),
    enabled: options.enabled ?? true,
    // While a file is being processed, ask again until its preview and text are there.
    refetchInterval: (query) =>
      query.state.data?.files.some((f) => f.status === 'processing') ? 3_000 : false,
  });
}

export function useRevisions(id: string) {
  return useQuery({
    queryKey: libraryKeys.revisions(id),
    queryFn: () => body(api.GET('/api/resources/{id}/revisions', item(id))),
  });
}

export function useCitations(id: string) {
  return useQuery({
    queryKey: libraryKeys.citations(id),
    queryFn: () => body(api.GET('/api/resources/{id}/citations', item(id))),
  });
}

/** What the reader may restore (their own; everything for programme staff), latest deleted first. */
export function useTrash() {
  return useQuery({
    queryKey: libraryKeys.trash,
    queryFn: () => body(api.GET('/api/resources/trash')),
  });
}

/** Programme-wide items waiting for an officer's verdict, the longest-waiting first (staff only). */
export function useLibraryReviewQueue() {
  return useQuery({
    queryKey: libraryKeys.reviewQueue,
    queryFn: () => body(api.GET('/api/resources/review-queue')),
  });
}

function refreshLibrary(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: libraryKeys.all });
}

export function useCreateResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateResourceRequest) =>
      body(api.POST('/api/resources', { body: request })),
    onSuccess: (saved) => {
      queryClient.setQueryData(libraryKeys.item(saved.id), saved);
      void refreshLibrary(queryClient);
    },
  });
}

export function useUpdateResource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: UpdateResourceRequest) =>
      body(api.PATCH('/api/resources/{id}', { ...item(id), body: request })),
    onSuccess: (saved) => {
      queryClient.setQueryData(libraryKeys.item(id), saved);
      void refreshLibrary(queryClient);
    },
  });
}

export function useDeleteResource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => body(api.DELETE('/api/resources/{id}', item(id))),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: libraryKeys.item(id) });
      void refreshLibrary(queryClient);
    },
  });
}

export function useRestoreResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => body(api.POST('/api/resources/{id}/restore', item(id))),
    onSuccess: () => refreshLibrary(queryClient),
  });
}

export function useReviewResource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ResourceReviewRequest) =>
      body(api.POST('/api/resources/{id}/review', { ...item(id), body: request })),
    onSettled: () => refreshLibrary(queryClient),
  });
}

export function useFeatureResource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (featured: boolean) =>
      body(api.POST('/api/resources/{id}/feature', { ...item(id), body: { featured } })),
    onSettled: () => refreshLibrary(queryClient),
  });
}

export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;
export const previewUrl = (fileId: string) => `${fileUrl(fileId)}/preview`;
