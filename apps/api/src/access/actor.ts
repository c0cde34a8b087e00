import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ProgrammeRole } from '@iuc/domain';

/** The signed-in person a request or socket acts for, resolved from the session. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  programmeRole: ProgrammeRole | null;
  /** Hash of the session this request rides on (to end it at logout). */
  sessionTokenHash: string;
  /** How the session reached us: a cookie needs CSRF protection, a bearer token does not. */
  via: 'cookie' | 'bearer';
}

export const IS_PUBLIC = 'iuc:isPublic';
/** Marks a route that needs no session (login, health, invitation acceptance, demo accounts). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The request's actor; only on routes behind the session guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without a session');
  return request.actor;
});

/** The request's actor on a @Public() route, or null when it came without a (usable) session. */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | null =>
    ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor ?? null,
);
