import type { LoginRequest } from '@iuc/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, body, hasErrorCode, isApiError } from '../../api/api';
import { startSession } from '../../session/session';
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
    mutationFn: (credentials: LoginRequest) =>
      body(api.POST('/api/auth/login', { body: credentials })),
    // A server busy checking other sign-ins asks for a second: wait it out before telling anyone.
    retry: (failures, err) => failures < 3 && signInProblem(err).kind === 'busy',
    retryDelay: (_, err) => (isApiError(err) && err.retryAfter ? err.retryAfter : 1) * 1000,
    onSuccess: (session) => {
      startSession(queryClient, session);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });
}

export type SignInProblem =
  | { kind: 'wrongCredentials' }
  | { kind: 'rateLimited'; minutes: number }
  | { kind: 'busy' }
  | { kind: 'other' };

/** What went wrong with a sign-in, from the API's status and code. */
export function signInProblem(err: unknown): SignInProblem {
  if (hasErrorCode(err, 'unauthorized')) return { kind: 'wrongCredentials' };
  if (hasErrorCode(err, 'login_busy')) return { kind: 'busy' };
  if (hasErrorCode(err, 'login_throttled') || hasErrorCode(err, 'rate_limited'))
    return { kind: 'rateLimited', minutes: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) };
  return { kind: 'other' };
}

/**
 * Login failures in words: one message for wrong email or password, how long to wait when
 * throttled, "try again in a moment" when the server is busy; the rest (a refused page address
 * among them) as any other error.
 */
export function useSignInErrorMessage(): (err: unknown) => string {
  const { t } = useTranslation();
  const generic = useErrorMessage();
  return (err) => {
    const problem = signInProblem(err);
    switch (problem.kind) {
      case 'wrongCredentials':
        return t('login.wrongCredentials');
      case 'rateLimited':
        return t('login.rateLimited', { count: problem.minutes });
      case 'busy':
        return t('login.busy');
      case 'other':
        return generic(err);
    }
  };
}
