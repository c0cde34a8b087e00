import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert, Loading } from '../ui/Status';
import { useSession } from '../session/session';

/** Signed-in routes: wait for /api/me, and send anyone signed out to the login page (and back after). */
export function RequireSession() {
  const { user, isPending, error } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} onRetry={() => window.location.reload()} />;
  if (!user) {
    const next = location.pathname + location.search;
    return (
      <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />
    );
  }
  return <Outlet />;
}
