import type { AcceptInvitationRequest, MeResponse, UserDto } from '@iuc/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, body, hasErrorCode } from '../../api/api';
import { SESSION_KEY, startSession } from '../../session/session';

const previewKey = (token: string) => ['invitation', token] as const;

/**
 * What the invitation offers; to the invitee signed in, also what accepting changes. The answer
 * depends on who asks: `viewer` is the signed-in person (null: nobody), undefined while unknown.
 */
export function useInvitationPreview(token: string, viewer: UserDto | null | undefined) {
  return useQuery({
    queryKey: [...previewKey(token), viewer?.id ?? null],
    queryFn: () => body(api.GET('/api/invitations/{token}', { params: { path: { token } } })),
    enabled: viewer !== undefined,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (answer: Omit<AcceptInvitationRequest, 'token'>) =>
      body(api.POST('/api/invitations/accept', { body: { ...answer, token } })),
    onSuccess: async ({ pairingId, user, session }) => {
      if (session) {
        startSession(queryClient, { user, ...session }); // a new account, signed in by accepting
      } else {
        queryClient.setQueryData<MeResponse | null>(SESSION_KEY, (me) => me && { ...me, user });
      }
      await navigate(`/pairings/${pairingId}`, { replace: true });
      // The new membership changes what this person sees everywhere.
      if (!session)
        void queryClient.invalidateQueries({
          predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] && q.queryKey[0] !== 'invitation',
        });
    },
    onError: (err) => {
      // The membership changed since the page showed it: show what accepting does now.
      if (hasErrorCode(err, 'conflict'))
        void queryClient.invalidateQueries({ queryKey: previewKey(token) });
      // The session ended or changed meanwhile: the page then asks to sign in again.
      if (
        hasErrorCode(err, 'invitation.sign_in_required') ||
        hasErrorCode(err, 'invitation.other_account')
      )
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
