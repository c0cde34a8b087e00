/** The signed-in person: GET /api/me, shared through the query cache; null when signed out. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MeResponse, SessionResponse, UserDto } from '@iuc/domain';
import { api, body, hasErrorCode, setCsrfToken } from '../api/api';

export const SESSION_KEY = ['session'] as const;

async function fetchSession(): Promise<MeResponse | null> {
  try {
    const me = await body(api.GET('/api/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (hasErrorCode(err, 'unauthorized')) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession(): { user: UserDto | null; isPending: boolean; error: Error | null } {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return { user: query.data?.user ?? null, isPending: query.isPending, error: query.error };
}

/** The current user where a signed-in route guarantees one (inside RequireSession). */
export function useUser(): UserDto {
  const { user } = useSession();
  if (!user) throw new Error('useUser() used outside a signed-in route');
  return user;
}

/** After login or accepting an invitation: the session is known without asking /api/me again. */
export function startSession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  const me: MeResponse = { user: session.user, csrfToken: session.csrfToken };
  queryClient.setQueryData<MeResponse | null>(SESSION_KEY, me);
}

/** Forget everything cached for the previous person, then mark the session as signed out. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.clear();
  queryClient.setQueryData<MeResponse | null>(SESSION_KEY, null);
}
