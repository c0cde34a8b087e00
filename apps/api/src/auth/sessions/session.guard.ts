import { codedError } from '../../common/coded-error.js';
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { type Actor, IS_PUBLIC } from '../../access/actor.js';
import { isOwnOrigin, originRefusal } from '../origin-policy.js';
import { presentedToken } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';
import { sameToken } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Global guard: every route needs a live session unless it is marked @Public(). Sets
 * `request.actor`. Cookie-borne sessions are what a forged cross-site request would ride on, so
 * their mutations need the session's CSRF token in `X-CSRF-Token`; bearer tokens are never sent
 * by a browser on its own and need none.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly log = new Logger('Origin');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Socket gateways and the collab server authenticate their connections themselves.
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const unsafe = !SAFE_METHODS.has(req.method);
    const presented = presentedToken(req);
    const session = presented ? await this.sessions.resolve(presented.token, presented.via) : null;
    const csrfOk =
      !unsafe || presented?.via !== 'cookie' || this.csrfMatches(req, session?.csrfToken);

    if (isPublic) {
      // Login and invitation acceptance: a foreign page must not sign a browser in (login CSRF).
      if (unsafe && presented?.via !== 'bearer') this.requireAllowedOrigin(req);
      // A cookie session without its CSRF token is not used, but the public route still works.
      if (session && csrfOk) req.actor = session.actor;
      return true;
    }
    if (!session) {
      throw new UnauthorizedException(
        'Sign in to continue: the session is missing, expired or ended.',
      );
    }
    if (!csrfOk) {
      throw new ForbiddenException(
        'Missing or wrong X-CSRF-Token header: send the csrfToken from the login or GET /api/me response with every change made with the session cookie.',
      );
    }
    req.actor = session.actor;
    return true;
  }

  private csrfMatches(req: Request, expected: string | undefined): boolean {
    const sent = req.headers[CSRF_HEADER];
    return typeof sent === 'string' && expected !== undefined && sameToken(sent, expected);
  }

  /**
   * Browsers send Origin with every POST; non-browser clients may leave it out. A refusal says,
   * to the person and in the log, what the operator has to set.
   */
  private requireAllowedOrigin(req: Request): void {
    const origin = req.headers.origin;
    if (origin === undefined || isOwnOrigin(origin, req, this.config)) return;
    const message = originRefusal(origin, this.config);
    this.log.warn(`${req.method} ${req.path} from Host ${req.headers.host}: ${message}`);
    throw new ForbiddenException(codedError('origin_not_allowed', message));
  }
}
