import { SetMetadata } from '@nestjs/common';
import type { AccessPermission } from '@iuc/domain';

export const ROUTE_ACCESS = 'iuc:routeAccess';

/** What a route declares it needs, beyond the session (routes marked @Public() need none). */
export type RouteAccess = AccessPermission | 'signed-in';

/**
 * The route needs `permission` on the object it names (or programme-wide). The service checks it
 * with AccessService.require/requireProgramme, after the request is validated; this declaration
 * puts it in the route snapshot (common/route-access.spec.ts), so a change shows up in review.
 */
export const Requires = (permission: AccessPermission) => SetMetadata(ROUTE_ACCESS, permission);

/** The route only needs a session: it acts on the caller's own things (their notifications, logout). */
export const SignedIn = () => SetMetadata(ROUTE_ACCESS, 'signed-in' satisfies RouteAccess);
