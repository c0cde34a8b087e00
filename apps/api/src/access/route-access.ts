import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { AccessPermission } from '@iuc/domain';
import { PairingAccessGuard } from './pairing-access.guard.js';
import { ROUTE_ACCESS, ROUTE_PAIRING_PARAM, type RouteAccess } from './route-metadata.js';

/**
 * The route needs `permission` on the object it names (or programme-wide); the declaration puts
 * it in the route snapshot (common/route-access.spec.ts), so that a change shows up in review.
 *
 * With `onPairing` (the path parameter naming a pairing) PairingAccessGuard checks it before the
 * handler. Only on routes with nothing to validate (GET): a guard runs before validation, and a
 * bad body must keep answering 400 before 403. Elsewhere the service checks the same permission
 * with AccessService.require or requireProgramme, after validation.
 */
export function Requires(permission: AccessPermission, options: { onPairing?: string } = {}) {
  if (!options.onPairing) return SetMetadata(ROUTE_ACCESS, permission);
  return applyDecorators(
    SetMetadata(ROUTE_ACCESS, permission),
    SetMetadata(ROUTE_PAIRING_PARAM, options.onPairing),
    UseGuards(PairingAccessGuard),
  );
}

/** The route only needs a session: it acts on the caller's own things (their notifications, logout). */
export const SignedIn = () => SetMetadata(ROUTE_ACCESS, 'signed-in' satisfies RouteAccess);
