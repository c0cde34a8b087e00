import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, body } from '../api/api';
import { endSession } from './session';

/** Signs out, then opens `then` (the sign-in page unless told otherwise). */
export function useSignOut(then = '/login') {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => body(api.POST('/api/auth/logout')),
    // Signed out locally even if the server could not be told (the cookie may already be gone).
    onSettled: () => {
      endSession(queryClient);
      void navigate(then, { replace: true });
    },
  });
}
