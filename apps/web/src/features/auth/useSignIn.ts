import type { LoginRequest, SessionResponse } from '@iuc/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, isApiError } from '../../app/api';
import { startSession } from '../../app/session';
import { useErrorMessage } from '../../ui/Status';

/** Where to go after signing in: the page that sent the person here, if it is one of ours. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function useSignIn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<SessionResponse>('/auth/login', body),
    onSuccess: (session) => {
      startSession(queryClient, session);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
}

/** Login failures in words: one message for wrong email or password, and how long to wait when throttled. */
export function useSignInErrorMessage(): (err: unknown) => string {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return (err) => {
    if (isApiError(err, 401)) return t('login.wrongCredentials');
    if (isApiError(err, 429)) {
      const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60));
      return t('login.rateLimited', { count: minutes });
    }
    return generic(err);
  };
}
