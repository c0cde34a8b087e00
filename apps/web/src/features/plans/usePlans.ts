/** The plans REST API: queries and mutations, and which caches each change makes stale. */
import type { PlanExportFormat, PlanSectionKey, PlanStatus, PlanVersionDiffDto } from '@iuc/domain';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, body } from '../../api/api';

const plan = (id: string) => ({ params: { path: { id } } });

export const planKeys = {
  pairing: (pairingId: string) => ['pairing-plans', pairingId] as const,
  plan: (planId: string) => ['plan', planId] as const,
  versions: (planId: string) => ['plan', planId, 'versions'] as const,
  diff: (planId: string, versionId: string) =>
    ['plan', planId, 'versions', versionId, 'diff'] as const,
  reviews: (planId: string) => ['plan', planId, 'reviews'] as const,
  reviewQueue: ['review-queue'] as const,
};

export function usePairingPlans(pairingId: string) {
  return useQuery({
    queryKey: planKeys.pairing(pairingId),
    queryFn: () =>
      body(api.GET('/api/pairings/{id}/plans', { params: { path: { id: pairingId } } })),
  });
}

/**
 * One plan. Asked again every 15 s while open, so a review step someone else made (which freezes or
 * reopens the text) and the submission check reach everyone.
 */
export function usePlan(planId: string) {
  return useQuery({
    queryKey: planKeys.plan(planId),
    queryFn: () => body(api.GET('/api/plans/{id}', plan(planId))),
    refetchInterval: 15_000,
    staleTime: 5_000,
  });
}

export function useVersions(planId: string) {
  return useQuery({
    queryKey: planKeys.versions(planId),
    queryFn: () => body(api.GET('/api/plans/{id}/versions', plan(planId))),
  });
}

export function useVersionDiff(planId: string, versionId: string | null) {
  return useQuery({
    queryKey: planKeys.diff(planId, versionId ?? ''),
    // The domain type: OpenAPI leaves a changed action field's name and values untyped.
    queryFn: async () =>
      (await body(
        api.GET('/api/plans/{id}/versions/{versionId}/diff', {
          params: { path: { id: planId, versionId: versionId! } },
        }),
      )) as PlanVersionDiffDto,
    enabled: versionId !== null,
    // "Against now": always fresh.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useReviews(planId: string) {
  return useQuery({
    queryKey: planKeys.reviews(planId),
    queryFn: () => body(api.GET('/api/plans/{id}/reviews', plan(planId))),
  });
}

/**
 * Plans waiting for programme staff's verdict and how many plans are in each status (the API
 * answers 403 to anyone but staff).
 */
export function useReviewQueue() {
  return useQuery({
    queryKey: planKeys.reviewQueue,
    queryFn: () => body(api.GET('/api/review-queue')),
  });
}

function refreshPlan(queryClient: QueryClient, planId: string) {
  // Everything under ['plan', id]: the plan, its versions, diffs and reviews.
  return queryClient.invalidateQueries({ queryKey: planKeys.plan(planId) });
}

export function useSaveVersion(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      body(api.POST('/api/plans/{id}/versions', { ...plan(planId), body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.versions(planId) }),
  });
}

export function useRestoreVersion(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, section }: { versionId: string; section?: PlanSectionKey }) =>
      body(
        api.POST('/api/plans/{id}/versions/{versionId}/restore', {
          params: { path: { id: planId, versionId } },
          body: section ? { section } : {},
        }),
      ),
    onSuccess: () => refreshPlan(queryClient, planId),
  });
}

export function useTransition(planId: string, pairingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: { to: PlanStatus; comment?: string }) =>
      body(api.POST('/api/plans/{id}/transitions', { ...plan(planId), body: step })),
    // A refused submission (422) also refreshes: the plan's check shows what is missing. Not
    // awaited: the form that made the step may be gone once the plan has its new status, and
    // its own callbacks must run first.
    onSettled: () => {
      void refreshPlan(queryClient, planId);
      void queryClient.invalidateQueries({ queryKey: planKeys.pairing(pairingId) });
      void queryClient.invalidateQueries({ queryKey: planKeys.reviewQueue });
    },
  });
}

export function exportUrl(planId: string, format: PlanExportFormat): string {
  return `/api/plans/${encodeURIComponent(planId)}/export?format=${format}`;
}
