import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessPermission } from '@iuc/domain';
import type { Actor } from './actor.js';
import { AccessService } from './access.service.js';
import { ROUTE_ACCESS, ROUTE_PAIRING_PARAM } from './route-metadata.js';

/**
 * Checks a route's declared permission on the pairing its path names (`@Requires(p, { onPairing })`),
 * before the handler: 404 for an unknown pairing, 403 without the permission. Runs after the
 * global session guard, which has set the actor.
 */
@Injectable()
export class PairingAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    const permission = this.reflector.get<AccessPermission>(ROUTE_ACCESS, handler);
    const param = this.reflector.get<string>(ROUTE_PAIRING_PARAM, handler);
    const request = context
      .switchToHttp()
      .getRequest<{ actor?: Actor; params: Record<string, string> }>();
    if (!request.actor) throw new Error('PairingAccessGuard on a route without a session');
    await this.access.require(request.actor, permission, 'pairing', [request.params[param]]);
    return true;
  }
}
