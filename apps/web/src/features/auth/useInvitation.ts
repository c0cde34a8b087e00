import type {
  AcceptInvitationRequest,
  InvitationPreviewDto,
  PairingSummaryDto,
  SessionResponse,
  UserDto,
} from '@iuc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../app/api';
import { startSession } from '../../app/session';

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreviewDto>(`/invitations/${encodeURIComponent(token)}`),
  });
}

/**
 * The pairing just joined. The preview names it only by title, so: the one membership of a new
 * account, or else the member's pairing with that title.
 */
async function joinedPairingId(user: UserDto, title: string): Promise<string | null> {
  if (user.memberships.length === 1) return user.memberships[0].pairingId;
  const mine = new Set(user.memberships.map((m) => m.pairingId));
  const pairings = await api.get<PairingSummaryDto[]>('/pairings').catch(() => []);
  return pairings.find((p) => mine.has(p.id) && p.title === title)?.id ?? null;
}

export function useAcceptInvitation(preview: InvitationPreviewDto) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async (body: AcceptInvitationRequest) => {
      const session = await api.post<SessionResponse>('/invitations/accept', body);
      startSession(queryClient, session);
      return joinedPairingId(session.user, preview.pairingTitle);
    },
    onSuccess: (pairingId) =>
      void navigate(pairingId ? `/pairings/${pairingId}` : '/', { replace: true }),
  });
}
