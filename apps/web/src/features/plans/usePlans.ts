/** The plans REST API: queries and mutations, and which caches each change makes stale. */
import type {
  PlanDetailDto,
  PlanExportFormat,
  PlanReviewDto,
  PlanSectionKey,
  PlanStatus,
  PlanSummaryDto,
  PlanTransitionResultDto,
  PlanVersionDiffDto,
  PlanVersionDto,
  ReviewQueueDto,
} from '@iuc/domain';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

const path = (planId: string, rest = '') => `/plans/${encodeURIComponent(planId)}${rest}`;

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
    queryFn: () => api.get<PlanSummaryDto[]>(`/pairings/${encodeURIComponent(pairingId)}/plans`),
  });
}

/**
 * One plan. Asked again every 15 s while open, so a review step someone else made (which freezes or
 * reopens the text) and the submission check reach everyone.
 */
export function usePlan(planId: string) {
  return useQuery({
    queryKey: planKeys.plan(planId),
    queryFn: () => api.get<PlanDetailDto>(path(planId)),
    refetchInterval: 15_000,
    staleTime: 5_000,
  });
}

export function useVersions(planId: string) {
  return useQuery({
    queryKey: planKeys.versions(planId),
    queryFn: () => api.get<PlanVersionDto[]>(path(planId, '/versions')),
  });
}

export function useVersionDiff(planId: string, versionId: string | null) {
  return useQuery({
    queryKey: planKeys.diff(planId, versionId ?? ''),
    queryFn: () =>
      api.get<PlanVersionDiffDto>(path(planId, `/versions/${encodeURIComponent(versionId!)}/diff`)),
    enabled: versionId !== null,
    // "Against now": always fresh.
    staleTime: 0,
    gcTime: 0,
  });
}

export function useReviews(planId: string) {
  return useQuery({
    queryKey: planKeys.reviews(planId),
    queryFn: () => api.get<PlanReviewDto[]>(path(planId, '/reviews')),
  });
}

/**
 * Plans waiting for programme staff's verdict and how many plans are in each status (the API
 * answers 403 to anyone but staff).
 */
export function useReviewQueue() {
  return useQuery({
    queryKey: planKeys.reviewQueue,
    queryFn: () => api.get<ReviewQueueDto>('/review-queue'),
  });
}

function refreshPlan(queryClient: QueryClient, planId: string) {
  // Everything under ['plan', id]: the plan, its versions, diffs and reviews.
  return queryClient.invalidateQueries({ queryKey: planKeys.plan(planId) });
}

export function useSaveVersion(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<PlanVersionDto>(path(planId, '/versions'), { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.versions(planId) }),
  });
}

export function useRestoreVersion(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, section }: { versionId: string; section?: PlanSectionKey }) =>
      api.post<unknown>(
        path(planId, `/versions/${encodeURIComponent(versionId)}/restore`),
        section ? { section } : {},
      ),
    onSuccess: () => refreshPlan(queryClient, planId),
  });
}

export function useTransition(planId: string, pairingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: PlanStatus; comment?: string }) =>
      api.post<PlanTransitionResultDto>(path(planId, '/transitions'), body),
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
  return `/api${path(planId, `/export?format=${format}`)}`;
}
