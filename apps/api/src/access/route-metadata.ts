import type { AccessPermission } from '@iuc/domain';

/** Metadata keys of the route declarations (route-access.ts), read by the guard and the route snapshot. */
export const ROUTE_ACCESS = 'iuc:routeAccess';
export const ROUTE_PAIRING_PARAM = 'iuc:routePairingParam';

/** What a route declares it needs, beyond the session (routes marked @Public() need none). */
export type RouteAccess = AccessPermission | 'signed-in';
